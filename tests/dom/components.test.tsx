// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { withRoot, text } from './mount';
import { ActorList } from '../../components/ActorList';
import { ClaimList } from '../../components/ClaimList';
import { EmptyState } from '../../components/EmptyState';
import { flagEmoji } from '../../components/Flag';
import { bandsFor, ICD203_BANDS, LikelihoodScale, PHIA_BANDS } from '../../components/LikelihoodScale';
import { SafeLink } from '../../components/SafeLink';
import { Summary } from '../../components/Summary';
import { fakeReport } from './components.fixture';

let root: HTMLElement;
withRoot(el => (root = el));

describe('ActorList', () => {
  it('groups actors by type in order, with counts, most mentioned first', () => {
    render(<ActorList actors={fakeReport().actors} />, root);
    const groups = [...root.querySelectorAll('section[data-type]')];
    expect(groups.map(g => g.getAttribute('data-type'))).toEqual(['state', 'intergov', 'agency', 'threat-group', 'company']);
    expect(text(groups[0].querySelector('h3'))).toBe('States (3)');
    expect([...groups[0].querySelectorAll('.al-actor__name')].map(text)).toEqual(['Ruritania', 'France', 'Germany']);
    expect(groups[0].querySelector('.al-swatch')?.getAttribute('data-cat')).toBe('state');
  });

  it('actors are buttons that report the actor id', () => {
    const revealed: string[] = [];
    render(<ActorList actors={fakeReport().actors} onReveal={id => revealed.push(id)} />, root);
    const button = root.querySelector<HTMLButtonElement>('button[data-actor="group:g1"]')!;
    expect(button.tagName).toBe('BUTTON');
    button.click();
    expect(revealed).toEqual(['group:g1']);
  });
});

describe('ClaimList', () => {
  it('shows claimant → accused with a kind badge', () => {
    const r = fakeReport();
    render(<ClaimList claims={r.claims} actors={r.actors} />, root);
    const items = [...root.querySelectorAll('li.al-claim')];
    expect(items).toHaveLength(3);
    expect(text(items[0].querySelector('.al-claim__who'))).toMatch(/^France → about Ruritania, Ruritanian Intelligence Bureau attribution$/);
    expect(items[0].querySelector('.al-claim__kind')?.textContent).toBe('attribution');
    expect(text(items[2].querySelector('.al-claim__claimant'))).toBe('Unnamed source');
  });

  it('shows "confident" as a confidence statement, not on the probability scale', () => {
    const r = fakeReport();
    render(<ClaimList claims={[r.claims[1]]} actors={r.actors} />, root);
    expect(root.querySelector('.al-scale__track')).toBeNull();
    expect(text(root.querySelector('.al-scale--confidence'))).toContain('Confidence statement');
  });
});

describe('LikelihoodScale', () => {
  it('marks "almost certainly" in the ICD 203 almost certain band (95–99%)', () => {
    render(<LikelihoodScale confidence={fakeReport().claims[0].confidence!} />, root);
    const bands = [...root.querySelectorAll('.al-scale__band')];
    expect(bands).toHaveLength(7);
    const on = bands.flatMap((b, i) => (b.classList.contains('al-scale__band--on') ? [i] : []));
    expect(on).toEqual([6]);
    expect(bands[6].getAttribute('aria-current')).toBe('true');
    expect(root.querySelector('.al-scale__track')?.getAttribute('aria-label')).toBe(
      '“almost certainly”: almost certain, 95–99% on the ICD 203 scale',
    );
  });

  it.each([
    ['ICD 203 likely', ICD203_BANDS, [0.55, 0.8], [4]],
    ['ICD 203 point at 50%', ICD203_BANDS, [0.5, 0.5], [3]],
    ['PHIA realistic possibility', PHIA_BANDS, [0.4, 0.5], [3]],
    ['PHIA gap between bands (0.38) goes to the nearest', PHIA_BANDS, [0.38, 0.38], [3]],
    ['a wide range spans several bands', ICD203_BANDS, [0.5, 0.9], [3, 4, 5]],
  ] as const)('%s', (_label, bands, range, expected) => {
    expect(bandsFor(bands, range)).toEqual(expected);
  });

  it('uses the PHIA yardstick for PHIA phrases', () => {
    render(<LikelihoodScale confidence={{ phrase: 'highly likely', scale: 'PHIA', probability: [0.8, 0.9] }} />, root);
    expect(root.querySelector('.al-scale__track')?.getAttribute('data-scale')).toBe('PHIA');
    expect(text(root.querySelector('.al-scale__label'))).toContain('highly likely 80–90%');
  });
});

describe('SafeLink', () => {
  it.each([
    ['https://gov.example/x', true],
    ['http://gov.example/x', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['not a url', false],
    [null, false],
  ])('%s is a link: %s', (href, isLink) => {
    render(<SafeLink href={href}>Title</SafeLink>, root);
    const a = root.querySelector('a');
    expect(!!a).toBe(isLink);
    if (a) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(root.textContent).toContain('Title');
  });
});

describe('flagEmoji', () => {
  it('builds flags from ISO codes and rejects anything else', () => {
    expect(flagEmoji('gb')).toBe('🇬🇧');
    expect(flagEmoji('EU')).toBe('🇪🇺');
    expect(flagEmoji('GBR')).toBe('');
    expect(flagEmoji(null)).toBe('');
  });
});

describe('EmptyState', () => {
  it('renders a heading, text and a real button for its action', () => {
    let clicked = 0;
    render(
      <EmptyState title="No state cyber activity found — annotate anyway?" action={{ label: 'Annotate this page', onClick: () => clicked++ }}>
        <p>Nothing here.</p>
      </EmptyState>,
      root,
    );
    expect(text(root.querySelector('h2'))).toBe('No state cyber activity found — annotate anyway?');
    root.querySelector('button')!.click();
    expect(clicked).toBe(1);
  });
});

describe('Summary', () => {
  it('renders every section under headings, and only https links', () => {
    render(<Summary report={fakeReport()} />, root);
    expect(text(root.querySelector('h1'))).toBe('Allies blame Ruritania for mail intrusion');
    expect([...root.querySelectorAll('h2')].map(text)).toEqual([
      'Lakeside mail intrusion',
      'Actors (7)',
      'Claims (3)',
      'What other governments said (7)',
      'Timeline',
    ]);
    const hrefs = [...root.querySelectorAll('a')].map(a => a.getAttribute('href'));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every(h => h!.startsWith('https://'))).toBe(true);
    expect(hrefs).not.toContain('http://insecure.example/nl');
  });

  it('renders nothing for the incident when there is none', () => {
    render(<Summary report={{ ...fakeReport(), incidents: [] }} />, root);
    expect(root.querySelector('.al-incident')).toBeNull();
  });
});

describe('ClaimList denials', () => {
  it('shows who denies without an accusing arrow', () => {
    const r = fakeReport();
    const denial = { ...r.claims[2], claimant: 'agency:rib', accused: ['state:RU'] };
    render(<ClaimList claims={[denial]} actors={r.actors} />, root);
    expect(root.querySelector('.al-claim__arrow')).toBeNull();
    expect(text(root.querySelector('.al-claim__who'))).toBe('Ruritanian Intelligence Bureau, for Ruritania denial');
  });
});
