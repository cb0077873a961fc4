import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledKb } from '../../lib/kb/bundled';
import { cannotBeRelevant, cyberStems, fewestWords, MIN_CYBER_DENSITY, MIN_CYBER_TERMS } from '../../lib/nlp/cyber-hint';
import { makeDoc } from '../../lib/nlp/doc';
import { CYBER_TERMS } from '../../lib/nlp/lexicon';
import { analyzeText } from '../../lib/nlp/pipeline';

const kb = bundledKb();
const fixture = (slug: string) => readFileSync(new URL(`../fixtures/articles/${slug}.txt`, import.meta.url), 'utf8');

describe('relevance of the fixture articles', () => {
  it.each([
    { slug: 'espionage-attribution', reason: /attribut/i },
    { slug: 'joint-advisory', reason: /attribut/i },
    { slug: 'denial-germany', reason: /denial/i },
    { slug: 'sanctions-indictment', reason: /attribut/i },
  ])('$slug is relevant, with reasons a reader understands', ({ slug, reason }) => {
    const { relevance } = analyzeText(fixture(slug), kb);
    expect(relevance.relevant).toBe(true);
    expect(relevance.score).toBeGreaterThanOrEqual(0.5);
    expect(relevance.score).toBeLessThanOrEqual(1);
    expect(relevance.reasons.length).toBeGreaterThan(0);
    expect(relevance.reasons.join(' | ')).toMatch(reason);
    expect(relevance.reasons.join(' | ')).toMatch(/cyber/i);
    for (const r of relevance.reasons) expect(r).toMatch(/^\S.*\S$/); // non-empty, trimmed sentences
  });

  it.each([
    { slug: 'negative-ransomware-retailer', label: 'cyber news with no state dimension (a company breach by criminals)' },
    { slug: 'negative-trade-summit', label: 'politics full of states and officials, no cyber' },
  ])('$slug is not relevant: $label', ({ slug }) => {
    const { relevance } = analyzeText(fixture(slug), kb);
    expect(relevance.relevant).toBe(false);
    expect(relevance.score).toBeGreaterThanOrEqual(0);
    expect(relevance.score).toBeLessThan(0.5);
    expect(relevance.reasons.length).toBeGreaterThan(0);
  });

  it('the reason for the criminal breach says no government is behind it', () => {
    const { relevance } = analyzeText(fixture('negative-ransomware-retailer'), kb);
    expect(relevance.reasons.join(' | ')).toMatch(/no government/i);
  });

  it('the reason for the trade summit says there is no cyber vocabulary', () => {
    const { relevance } = analyzeText(fixture('negative-trade-summit'), kb);
    expect(relevance.reasons.join(' | ')).toMatch(/no cyber|little cyber/i);
  });
});

describe('relevance of short texts', () => {
  it.each([
    { label: 'sport', text: "Turbine Potsdam beat Wolfsburg 2-1 on Sunday. The coach praised the defence and said the team would keep working hard. Fans celebrated in the city centre until late at night." },
    { label: 'weather', text: 'Heavy rain is expected across northern England on Tuesday, the Met Office said. Forecasters warned of flooding in low-lying areas and urged drivers to take care.' },
    { label: 'patch news', text: 'Microsoft released security updates on Tuesday fixing 60 vulnerabilities in Windows, including a zero-day exploit. Administrators were urged to install the patches quickly to protect their networks and servers.' },
    { label: 'ransomware arrest', text: 'Police in Spain arrested a man suspected of running a ransomware gang that hacked hospitals and demanded payments in bitcoin. The suspect used phishing emails to break into networks, police said.' },
    { label: 'security conference', text: 'Thousands of hackers and researchers gathered in Las Vegas for the annual Black Hat conference, where talks covered malware analysis, phishing and cloud security.' },
  ])('not relevant: $label', ({ text }) => {
    const { relevance } = analyzeText(text, kb);
    expect(relevance.relevant, relevance.reasons.join(' | ')).toBe(false);
    expect(relevance.score).toBeGreaterThanOrEqual(0);
    expect(relevance.score).toBeLessThan(0.5);
  });

  it.each([
    {
      label: 'an attribution with a denial',
      text: 'Britain on Thursday blamed Russian military intelligence for a series of cyberattacks on media outlets and election bodies. The NCSC said the GRU was almost certainly responsible for the hacking campaign, in which the hackers stole emails and planted malware on servers. The Russian embassy in London denied the accusations, calling them baseless.',
    },
    {
      label: 'a state-linked group named with a condemnation',
      text: 'The European Union condemned a cyber espionage campaign by APT31, a Chinese state-sponsored hacking group, against lawmakers and ministries. The hackers sent phishing emails and planted malware on government networks.',
    },
  ])('relevant: $label', ({ text }) => {
    const { relevance } = analyzeText(text, kb);
    expect(relevance.relevant, relevance.reasons.join(' | ')).toBe(true);
    expect(relevance.score).toBeGreaterThanOrEqual(0.5);
    expect(relevance.score).toBeLessThanOrEqual(1);
  });

  // A short news alert: an attribution, an "almost certainly" judgement and a denial, but only two
  // cyber terms ("cyberattacks", "hacking"). Was a known miss until engine commit 83a9410.
  it('relevant: a three-sentence attribution brief with only two cyber terms', () => {
    const text = 'Britain on Thursday blamed Russian military intelligence for a series of cyberattacks on media outlets and election bodies. The NCSC said the GRU was almost certainly responsible for the hacking campaign. The Russian embassy in London denied the accusations, calling them baseless.';
    expect(analyzeText(text, kb).relevance.relevant).toBe(true);
  });

  it('an empty text is not relevant and still explains why', () => {
    const { relevance } = analyzeText('', kb);
    expect(relevance).toMatchObject({ relevant: false });
    expect(relevance.score).toBe(0);
    expect(relevance.reasons.length).toBeGreaterThan(0);
  });
});

describe('the cyber stems: a necessary condition the detector tests before any analysis', () => {
  it('every term of the cyber vocabulary holds a stem, in any case', () => {
    for (const term of CYBER_TERMS) {
      const title = term[0].toUpperCase() + term.slice(1);
      for (const written of [term, term.toUpperCase(), title]) expect([written, cyberStems(written, 1)]).toEqual([written, 1]);
    }
  });

  it('never counts fewer than the engine does, on texts of cyber terms, ordinary words and odd characters', () => {
    const words = [...CYBER_TERMS, 'cyberthreat', 'Cyber-Spionage', 'chapter', 'said', 'Russia', 'the', 'HACKED', 'Hac\u212Aers', 'APT28', 'zero', 'day', 'wi', 'fi', '’s', "'s", '-', '—', ',', '.', '\n\n', '(', ')', '2024', '2.0', 'u.s.', 'x_apt', 'apt', 'APT’s', 'caption', 'é', '\u0301'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom('', ' ', '-')), { maxLength: 60 }), parts => {
        const text = parts.map(([w, sep]) => w + sep).join('');
        expect(cyberStems(text, Infinity)).toBeGreaterThanOrEqual(makeDoc(text).cyberTerms);
      }),
      { numRuns: 500 },
    );
  });

  it(`a text with fewer than ${MIN_CYBER_TERMS} stems is never relevant, however hard it accuses`, () => {
    const text = 'Britain and the United States on Monday blamed Russia’s GRU for a hack of the ministry. The Kremlin denied it. NATO condemned Russia’s state-backed campaign and said Moscow must stop.';
    expect(cyberStems(text, 9)).toBe(1);
    expect(analyzeText(text, kb).relevance.relevant).toBe(false);
    // One term more and the same story is relevant: the bound is not vacuous.
    const more = text.replace('a hack of', 'a cyber attack on the network of');
    expect(cyberStems(more, 9)).toBe(2);
    expect(analyzeText(more, kb).relevance.relevant).toBe(true);
  });

  it('"apt" counts as a word of its own only', () => {
    expect(cyberStems('an APT group; the apt’s tools; 2.0apt', 9)).toBe(3);
    expect(cyberStems('caption chapter captured adapted aptly', 9)).toBe(0);
  });

  it('a text whose elements were joined without a break ("glued", as textContent joins them) counts "apt" with a non-letter on one side', () => {
    expect(cyberStems('APT28 the group.APT caption chapter captured', 9, true)).toBe(2);
    expect(cyberStems('APT28 the group.APT caption chapter captured', 9)).toBe(1);
  });

  it('counts never fewer in the glued text of some pieces than in any reading of them with breaks between', () => {
    // Pieces are the text of elements (or of scripts and hidden elements a reading leaves out);
    // the analysis reads some of them with a space or a paragraph break between, textContent
    // glues them all. Fragments of stems ("hac" + "k", "bot" + "net") meet across the joins.
    const pieces = [...CYBER_TERMS, 'APT', 'apt', '28', 'the', 'Russia', 'said', 'chapter', 'hac', 'k', 'ker', 'bot', 'net', 'work', 'cy', 'ber', 'serv', 'er', 'wi', '-', 'fi', 'a', 'p', 't', '’s', '.', ' ', '\n'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.boolean(), fc.constantFrom(' ', '\n\n')), { maxLength: 40 }), parts => {
        const glued = parts.map(([p]) => p).join('');
        // The one case left out (see cyberStems): an element that is "APT" alone, glued to
        // letters or digits on both sides.
        const wordChar = (c: string | undefined) => c !== undefined && /[a-z\d]/i.test(c);
        fc.pre(!parts.some(([p], i) => /^apt$/i.test(p) && wordChar(parts[i - 1]?.[0].at(-1)) && wordChar(parts[i + 1]?.[0][0])));
        const read = parts.filter(([, kept]) => kept).map(([p, , sep]) => p + sep).join('');
        expect(cyberStems(glued, Infinity, true)).toBeGreaterThanOrEqual(cyberStems(read, Infinity));
      }),
      { numRuns: 1000 },
    );
  });

  it('stops counting at the number asked for', () => {
    expect(cyberStems('hack hack hack hack')).toBe(MIN_CYBER_TERMS);
    expect(cyberStems('hack hack hack hack', 3)).toBe(3);
    expect(cyberStems('nothing here')).toBe(0);
    expect(fewestWords('one two three four five', 3)).toBe(3);
    expect(fewestWords('one two three four five')).toBe(5);
  });

  it('counts never more words than the engine, on texts of words, numbers, initialisms, punctuation and odd spaces', () => {
    const pieces = ['Russia', 'the', 'said', 'state-backed', 'U.S.', 'U.K.', 'don’t', "China's", 'APT28', '2.0', '2024', '—', '-', '--', '...', '“', '”', '(', ')', '&', '§', 'é', '\u0301', 'naïve', '北京', 'Ωmega', 'K\u212A', '\u00a0', '\t', '\n\n'];
    const spaces = ['', ' ', '\u00a0', '\u2009', '\n', '-', '/'];
    const engineWords = (text: string) => makeDoc(text).tokens.filter(t => t.kind !== 'punct').length;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...spaces)), { maxLength: 80 }), parts => {
        const text = parts.map(([w, sep]) => w + sep).join('');
        expect(fewestWords(text)).toBeLessThanOrEqual(engineWords(text));
      }),
      { numRuns: 500 },
    );
    // Not vacuous: an ordinary sentence is counted in full.
    const sentence = 'The ministry said on Monday that the 2024 report, now public, was wrong.';
    expect(fewestWords(sentence)).toBe(engineWords(sentence));
  });

  it(`a text sparser than ${MIN_CYBER_DENSITY} cyber terms per 100 words is never relevant, and is settled as such only when whole`, () => {
    // An accusation of an intelligence service: the engine's lowest bar of density.
    const story = 'Britain on Thursday blamed Russian military intelligence for a series of cyberattacks on media outlets and election bodies. The NCSC said the GRU was almost certainly responsible for the hacking campaign. The Russian embassy in London denied the accusations, calling them baseless.';
    const filler = '\n\nThe council met on Tuesday to discuss the budget for parks, libraries and road repairs, and residents spoke about bus routes, school places and the price of parking in the town centre.';
    expect(analyzeText(story, kb).relevance.relevant).toBe(true);
    let settled = 0;
    let wasRelevant = 0;
    for (let n = 0; n <= 60; n += 2) {
      const text = story + filler.repeat(n);
      const relevant = analyzeText(text, kb).relevance.relevant;
      if (relevant) wasRelevant++;
      if (cannotBeRelevant(text, true)) {
        settled++;
        expect([n, relevant]).toEqual([n, false]);
      }
      // A part of the page (not `whole`): only the count of terms is tested, and it has enough.
      expect(cannotBeRelevant(text, false)).toBe(false);
    }
    // Both happen: the padded story stops being relevant, and the detector then says so.
    expect(wasRelevant).toBeGreaterThan(0);
    expect(settled).toBeGreaterThan(0);
  });
});
