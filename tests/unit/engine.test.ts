import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import type { ActorType, ClaimKind, ExtractedArticle, Report } from '../../lib/types';
import { WARM_UP_ARTICLE } from '../../entrypoints/background/warm-up';

const fixture = (slug: string) => readFileSync(new URL(`../fixtures/articles/${slug}.txt`, import.meta.url), 'utf8');

function article(slug: string, over: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    source: { url: `https://news.example/${slug}`, title: slug.replace(/-/g, ' '), site: 'News Example', published: '2024-09-05', language: 'en' },
    detected: true,
    detectReasons: ['JSON-LD NewsArticle'],
    text: fixture(slug),
    ...over,
  };
}

const ACTOR_TYPES: ActorType[] = ['state', 'intergov', 'agency', 'official', 'threat-group', 'company', 'person'];
const CLAIM_KINDS: ClaimKind[] = ['attribution', 'denial', 'condemnation', 'call', 'assessment'];
const RELATIONS = ['same-event', 'mentioned-in-article', 'related'];

/** Checks a report against the `attribution-lens/report@1` contract, for the text it was made from. */
function expectContract(r: Report, text: string): void {
  expect(r.schema).toBe('attribution-lens/report@1');
  expect(Object.keys(r.source).sort()).toEqual(['language', 'published', 'site', 'title', 'url']);
  expect(Object.keys(r.article).sort()).toEqual(['detected', 'reasons', 'relevance', 'relevant', 'words']);
  expect(typeof r.article.detected).toBe('boolean');
  expect(typeof r.article.relevant).toBe('boolean');
  expect(r.article.relevance).toBeGreaterThanOrEqual(0);
  expect(r.article.relevance).toBeLessThanOrEqual(1);
  expect(r.article.reasons.every(s => typeof s === 'string' && s.length > 0)).toBe(true);
  expect(Number.isInteger(r.article.words)).toBe(true);

  const ids = new Set<string>();
  for (const a of r.actors) {
    expect(a.id).toMatch(/\S/);
    expect(ids.has(a.id), `duplicate actor id ${a.id}`).toBe(false);
    ids.add(a.id);
    expect(a.name).toMatch(/\S/);
    expect(ACTOR_TYPES).toContain(a.type);
    expect(a.country === null || /^[A-Z]{2}$/.test(a.country)).toBe(true);
    expect(Array.isArray(a.aliases)).toBe(true);
    expect(a.kb === null || typeof a.kb === 'string').toBe(true);
    expect(a.mentions.length).toBeGreaterThan(0);
    for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  }

  const claimIds = new Set<string>();
  for (const c of r.claims) {
    expect(claimIds.has(c.id)).toBe(false);
    claimIds.add(c.id);
    expect(CLAIM_KINDS).toContain(c.kind);
    if (c.claimant !== null) expect(ids, `claimant ${c.claimant} is not an actor`).toContain(c.claimant);
    for (const a of c.accused) expect(ids, `accused ${a} is not an actor`).toContain(a);
    expect(text.slice(c.start, c.end)).toBe(c.sentence);
    expect(typeof c.quote).toBe('boolean');
    if (c.confidence) {
      expect(['ICD-203', 'PHIA', 'other']).toContain(c.confidence.scale);
      const [lo, hi] = c.confidence.probability;
      expect(0 <= lo && lo <= hi && hi <= 1).toBe(true);
    }
  }

  expect(Array.isArray(r.crossReferences)).toBe(true);
  for (const x of r.crossReferences) {
    expect(x.issuer).toMatch(/\S/);
    expect(RELATIONS).toContain(x.relation);
    expect(x.date === null || /^\d{4}(?:-\d{2}){0,2}$/.test(x.date)).toBe(true);
    expect(Array.isArray(x.why)).toBe(true);
  }

  // plain JSON: a round trip changes nothing
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

describe('analyze: the report contract', () => {
  it.each(['espionage-attribution', 'joint-advisory', 'denial-germany', 'sanctions-indictment', 'negative-ransomware-retailer', 'negative-trade-summit'])('%s', slug => {
    const input = article(slug);
    const r = analyze(input);
    expectContract(r, input.text);
    expect(r.source).toEqual(input.source);
    expect(r.article.detected).toBe(true);
  });

  it.each([
    { slug: 'espionage-attribution', relevant: true },
    { slug: 'joint-advisory', relevant: true },
    { slug: 'denial-germany', relevant: true },
    { slug: 'sanctions-indictment', relevant: true },
    { slug: 'negative-ransomware-retailer', relevant: false },
    { slug: 'negative-trade-summit', relevant: false },
  ])('$slug: relevant is $relevant', ({ slug, relevant }) => {
    expect(analyze(article(slug)).article.relevant).toBe(relevant);
  });

  it.each(['negative-ransomware-retailer', 'negative-trade-summit'])('%s: no cross-references for a page with no attribution content', slug => {
    expect(analyze(article(slug)).crossReferences).toEqual([]);
  });

  it('counts words (not punctuation)', () => {
    const r = analyze({ ...article('espionage-attribution'), text: 'Canada blamed China, officials said.' });
    expect(r.article.words).toBe(5);
  });

  it('a page that is not an article is never relevant, and says so', () => {
    const input = article('espionage-attribution', { detected: false, detectReasons: ['no article markup'] });
    const r = analyze(input);
    expectContract(r, input.text);
    expect(r.article.detected).toBe(false);
    expect(r.article.relevant).toBe(false);
    expect(r.article.reasons[0]).toMatch(/not look like an article/i);
    // actors and claims are still reported (the popup can annotate on request)
    expect(r.actors.length).toBeGreaterThan(0);
  });

  it('an empty text gives an empty, valid report', () => {
    const input = article('espionage-attribution', { text: '' });
    const r = analyze(input);
    expectContract(r, '');
    expect(r.actors).toEqual([]);
    expect(r.claims).toEqual([]);
    expect(r.article).toMatchObject({ relevant: false, words: 0 });
  });

  it('offsets stay exact in a text with emoji and curly quotes before the actors', () => {
    const text = '🇨🇦🇨🇳 OTTAWA — “Canada blamed China’s Ministry of State Security for the hack,” officials said. 🔒 The hackers breached networks and stole credentials with malware.';
    const r = analyze({ ...article('espionage-attribution'), text });
    expectContract(r, text);
    expect(r.actors.map(a => a.id)).toEqual(expect.arrayContaining(['iso:CA']));
  });

  it('is deterministic: the same input gives the same report', () => {
    expect(analyze(article('denial-germany'))).toEqual(analyze(article('denial-germany')));
  });

  it('the Australian attribution story reports the claim chain a reader sees', () => {
    const r = analyze(article('espionage-attribution'));
    const byId = new Map(r.actors.map(a => [a.id, a]));
    expect(byId.get('mitre:G0065')).toMatchObject({ name: 'APT40', type: 'threat-group', country: 'CN', kb: 'mitre:G0065' });
    expect(byId.get('official:au-penny-wong')).toMatchObject({ type: 'official', country: 'AU' });
    const lead = r.claims.find(c => c.kind === 'attribution' && c.claimant === 'iso:AU');
    expect(lead?.accused).toEqual(expect.arrayContaining(['iso:CN', 'mitre:G0065']));
    const denial = r.claims.find(c => c.kind === 'denial' && c.accused.includes('iso:CN'));
    expect(denial).toBeDefined();
  });
});

describe("the background's warm-up article", () => {
  it('walks the main paths: every actor type it names, attribution with confidence, denial, condemnation, call to act', () => {
    const r = analyze(WARM_UP_ARTICLE);
    expectContract(r, WARM_UP_ARTICLE.text);
    expect(new Set(r.actors.map(a => a.type))).toEqual(new Set(['state', 'agency', 'threat-group', 'official', 'intergov']));
    const kinds = new Set(r.claims.map(c => c.kind));
    for (const kind of ['attribution', 'denial', 'condemnation'] as const) expect(kinds).toContain(kind);
    expect(r.claims.some(c => c.kind === 'attribution' && c.confidence !== null)).toBe(true);
    expect(r.article.relevant).toBe(true);
  });
});
