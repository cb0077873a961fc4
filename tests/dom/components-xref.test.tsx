// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { withRoot, text } from './mount';
import { accusedPhrase, incidentGlance, IncidentCard } from '../../components/IncidentCard';
import { groupByStance, StatementList } from '../../components/StatementList';
import { Timeline, timelineEntries } from '../../components/Timeline';
import type { CrossReference } from '../../lib/types';
import { fakeReport } from './components.fixture';

let root: HTMLElement;
withRoot(el => (root = el));

describe('incident at a glance', () => {
  it('counts governments and names bodies, the accused, and who rejects it', () => {
    const r = fakeReport();
    const g = incidentGlance(r.crossReferences, r.actors);
    // France, Germany, Netherlands, United States (sanctions count); the EU is a body; Canada is only `related`.
    expect(g.governments.map(a => a.name)).toEqual(['France', 'Germany', 'Netherlands', 'United States']);
    expect(g.bodies.map(a => a.name)).toEqual(['European Union']);
    expect(g.deniers).toEqual(['Ruritania']);
    expect(g.sentence).toBe(
      '4 governments and the European Union attribute it to Ruritania’s Ruritanian Intelligence Bureau; Ruritania rejects it',
    );
    expect(g.confidence).toEqual([{ phrase: 'almost certainly', issuers: ['France'] }]);
  });

  it('names a single government and uses the singular', () => {
    const r = fakeReport();
    const one = r.crossReferences.filter(x => x.id === 'x-us');
    expect(incidentGlance(one, r.actors).sentence).toBe(
      'The United States attributes it to Ruritania’s Ruritanian Intelligence Bureau',
    );
  });

  it('lists unrelated accused plainly', () => {
    expect(accusedPhrase(['Grey Heron', 'MailCo'], fakeReport().actors)).toBe('Grey Heron and MailCo');
  });

  it('renders the card with its name, sentence and the denial', () => {
    const r = fakeReport();
    render(<IncidentCard incidents={r.incidents!} refs={r.crossReferences} actors={r.actors} />, root);
    expect(text(root.querySelector('h2'))).toBe('Lakeside mail intrusion');
    expect(text(root.querySelector('.al-incident__glance'))).toMatch(/^4 governments and the European Union attribute it/);
    expect(text(root.querySelector('.al-incident__details'))).toContain('Ruritania rejects the accusations');
  });
});

describe('What other governments said', () => {
  it('groups by stance in order, related ones last within their group', () => {
    const groups = groupByStance(fakeReport().crossReferences);
    expect(groups.map(g => [g.id, g.items.map(i => i.id)])).toEqual([
      ['attribution', ['x-de', 'x-fr']],
      ['condemnation', ['x-eu', 'x-nl']],
      ['action', ['x-us', 'x-old']],
      ['denial', ['x-ru']],
    ]);
  });

  it('shows flag, office, date, https-only title links, why, and relation marks', () => {
    render(<StatementList refs={fakeReport().crossReferences} />, root);
    const de = root.querySelector('li[data-kind="attribution"]:not([data-relation="mentioned-in-article"])')!;
    expect(text(de.querySelector('.al-stmt__head'))).toBe('🇩🇪 Germany · Federal Foreign Office · 1 Mar 2024');
    expect(de.querySelector('time')?.getAttribute('datetime')).toBe('2024-03-01');
    expect(de.querySelector('a')?.getAttribute('href')).toBe('https://gov.example/x-de');
    expect(text(de.querySelector('.al-stmt__why'))).toBe('Why it matches: same incident name');
    const fr = root.querySelector('li[data-relation="mentioned-in-article"]')!;
    expect(text(fr)).toContain('reported in this article');
    const related = root.querySelector('li[data-relation="related"]')!;
    expect(text(related)).toContain('related, not the same incident');
    // http: and javascript: URLs are plain text, not links
    for (const kind of ['condemnation']) {
      const items = [...root.querySelectorAll(`li[data-kind="${kind}"]`)];
      expect(items).toHaveLength(2);
      expect(items.every(li => li.querySelector('a') === null)).toBe(true);
    }
  });
});

describe('Timeline', () => {
  const refs = fakeReport().crossReferences;

  it('orders dated statements by day and marks the article date', () => {
    const entries = timelineEntries(refs, '2024-03-03');
    expect(entries.map(e => [e.date, e.statements.length, e.article])).toEqual([
      ['2024-03-01', 1, false],
      ['2024-03-02', 4, false],
      ['2024-03-03', 0, true],
      ['2024-03-05', 1, false],
    ]);
  });

  it('renders an ordered list with the article marked', () => {
    render(<Timeline refs={refs} published="2024-03-02" />, root);
    const marked = root.querySelector('.al-timeline__day--article')!;
    expect(text(marked.querySelector('time'))).toBe('2 Mar 2024');
    expect(text(marked)).toContain('this article');
  });

  it('renders nothing without dated statements', () => {
    const undated: CrossReference[] = refs.map(r => ({ ...r, date: null }));
    render(<Timeline refs={undated} published="2024-03-02" />, root);
    expect(root.innerHTML).toBe('');
  });
});
