import { describe, expect, it } from 'vitest';
import { bundledKb } from '../../lib/kb/bundled';
import { findConfidence } from '../../lib/nlp/confidence';
import { analyzeText } from '../../lib/nlp/pipeline';

/** An agency's sentence carrying the phrase, the way advisories and wire copy word it. */
const say = (phrase: string) => `The agency said it is ${phrase} that Russia's military intelligence was behind the attack.`;

describe('findConfidence: ICD 203 and PHIA phrases', () => {
  it.each([
    { label: 'almost certainly → ICD 203 almost certain', phrase: 'almost certainly', scale: 'ICD-203', term: 'almost certain', p: [0.95, 0.99] },
    { label: 'nearly certain → ICD 203 almost certain', phrase: 'nearly certain', scale: 'ICD-203', term: 'almost certain', p: [0.95, 0.99] },
    { label: 'very likely → ICD 203 very likely', phrase: 'very likely', scale: 'ICD-203', term: 'very likely', p: [0.8, 0.95] },
    { label: 'highly probable → ICD 203 very likely', phrase: 'highly probable', scale: 'ICD-203', term: 'very likely', p: [0.8, 0.95] },
    { label: 'likely → ICD 203 likely', phrase: 'likely', scale: 'ICD-203', term: 'likely', p: [0.55, 0.8] },
    { label: 'probably → ICD 203 likely', phrase: 'probably', scale: 'ICD-203', term: 'likely', p: [0.55, 0.8] },
    { label: 'roughly even chance → ICD 203', phrase: 'roughly even chance', scale: 'ICD-203', term: 'roughly even chance', p: [0.45, 0.55] },
    { label: 'unlikely → ICD 203 unlikely', phrase: 'unlikely', scale: 'ICD-203', term: 'unlikely', p: [0.2, 0.45] },
    { label: 'very unlikely → ICD 203 very unlikely', phrase: 'very unlikely', scale: 'ICD-203', term: 'very unlikely', p: [0.05, 0.2] },
    { label: 'almost no chance → ICD 203', phrase: 'almost no chance', scale: 'ICD-203', term: 'almost no chance', p: [0.01, 0.05] },
    { label: 'highly likely → PHIA highly likely (a PHIA-only term)', phrase: 'highly likely', scale: 'PHIA', term: 'highly likely', p: [0.8, 0.9] },
    { label: 'realistic possibility → PHIA', phrase: 'realistic possibility', scale: 'PHIA', term: 'realistic possibility', p: [0.4, 0.5] },
    { label: 'highly unlikely → PHIA highly unlikely', phrase: 'highly unlikely', scale: 'PHIA', term: 'highly unlikely', p: [0.1, 0.2] },
  ])('$label', ({ phrase, scale, term, p }) => {
    const c = findConfidence(say(phrase));
    expect(c).toMatchObject({ phrase, scale, term, probability: p, expresses: 'likelihood' });
    expect(say(phrase).slice(c!.index, c!.index + phrase.length)).toBe(phrase);
  });

  it.each([
    'very high level of confidence', 'high degree of confidence', 'highest level of certainty', 'highest degree of probability', 'very high confidence',
    'medium confidence', 'low confidence', 'high probability', 'very high degree of likelihood', 'almost no chance', 'remote chance', 'remote possibility',
    'highly improbable', 'very unlikely', 'highly unlikely', 'roughly even odds', 'realistic possibility', 'highly probable', 'very likely', 'highly likely',
    'virtually certain', 'almost certainty', 'improbable', 'unlikely', 'in all likelihood', 'most likely', 'probable', 'likely', 'fully confident',
  ])('every kind of phrase is found, in any case: %s', phrase => {
    for (const written of [phrase, phrase.toUpperCase(), phrase[0].toUpperCase() + phrase.slice(1)]) {
      const sentence = `Officials said in a statement that it was ${written} that the group worked for the state.`;
      expect(findConfidence(sentence)?.phrase.toLowerCase(), written).toBe(phrase.toLowerCase());
    }
  });

  it.each([
    { label: 'high confidence', sentence: 'Officials said with high confidence that the GRU was responsible.', phrase: 'high confidence', term: 'high confidence' },
    { label: 'a high degree of confidence', sentence: 'The agencies assess with a high degree of confidence that the MSS ran the campaign.', phrase: 'high degree of confidence', term: 'high confidence' },
    { label: 'moderate confidence', sentence: 'Analysts judge with moderate confidence that the group is state-backed.', phrase: 'moderate confidence', term: 'moderate confidence' },
    { label: 'confident', sentence: 'We are confident that Iran was behind the operation.', phrase: 'confident', term: 'confident' },
  ])('confidence statement, not a probability: $label', ({ sentence, phrase, term }) => {
    const c = findConfidence(sentence);
    expect(c).toMatchObject({ phrase, term, scale: 'other', expresses: 'confidence' });
    expect(c!.probability[0]).toBeGreaterThanOrEqual(0.5);
    expect(c!.probability[1]).toBeLessThanOrEqual(1);
  });

  it.each([
    { label: 'shared phrase "almost certainly"', phrase: 'almost certainly', term: 'almost certain', p: [0.95, 1] },
    { label: 'shared phrase "likely"', phrase: 'likely', term: 'likely or probable', p: [0.55, 0.75] },
    { label: 'shared phrase "unlikely"', phrase: 'unlikely', term: 'unlikely', p: [0.25, 0.35] },
    { label: 'shared phrase "remote chance"', phrase: 'remote chance', term: 'remote chance', p: [0, 0.05] },
  ])('a UK claimant places a $label on PHIA', ({ phrase, term, p }) => {
    expect(findConfidence(say(phrase), 'GB')).toMatchObject({ scale: 'PHIA', term, probability: p });
    expect(findConfidence(say(phrase), 'US')?.scale).toBe('ICD-203');
  });

  it.each([
    { label: 'roughly even chance has no PHIA term', phrase: 'roughly even chance', scale: 'ICD-203' },
    { label: 'realistic possibility has no ICD 203 term', phrase: 'realistic possibility', scale: 'PHIA' },
  ])('a phrase on one scale only keeps that scale whoever speaks: $label', ({ phrase, scale }) => {
    expect(findConfidence(say(phrase), 'GB')?.scale).toBe(scale);
    expect(findConfidence(say(phrase), 'US')?.scale).toBe(scale);
  });

  it('"highly likely" wins over the "likely" inside it', () => {
    expect(findConfidence('The NCSC said it was highly likely that the GRU was responsible.')?.phrase).toBe('highly likely');
  });

  it('a probability word wins over a bare "confident" in the same sentence', () => {
    const c = findConfidence('We are confident the GRU was highly likely responsible for the attack.');
    expect(c).toMatchObject({ phrase: 'highly likely', expresses: 'likelihood' });
  });

  it('"more likely than not" is not read as plain "likely"; if placed, it is above even odds', () => {
    const c = findConfidence('It is more likely than not that the group works for the state.');
    if (c) {
      expect(c.expresses).toBe('likelihood');
      expect(c.probability[0]).toBeGreaterThanOrEqual(0.5);
    } else {
      expect(c).toBeNull();
    }
    expect(findConfidence('It is less likely that the group acted alone.')).toBeNull();
  });

  it.each([
    { label: 'no estimative phrase', sentence: 'Canada blamed China for the hack of email servers.' },
    { label: '"likelihood" as a noun alone', sentence: 'The likelihood of a new attack is unclear.' },
    { label: 'plain "certain" without "almost"', sentence: 'The date of the meeting is certain.' },
  ])('no phrase: $label', ({ sentence }) => {
    expect(findConfidence(sentence)).toBeNull();
  });
});

describe('confidence on claims (through analyzeText)', () => {
  const kb = bundledKb();
  const context = 'The hacking campaign breached government networks and stole email. ';

  it.each([
    {
      label: 'a US agency saying "almost certainly" → ICD 203',
      text: `${context}The FBI said the GRU was almost certainly behind the cyberattack.`,
      claimant: 'agency:us-fbi',
      want: { phrase: 'almost certainly', scale: 'ICD-203', probability: [0.95, 0.99] },
    },
    {
      label: 'the UK NCSC saying "almost certainly" → PHIA',
      text: `${context}The NCSC said the GRU was almost certainly behind the cyberattack.`,
      claimant: 'agency:gb-ncsc',
      want: { phrase: 'almost certainly', scale: 'PHIA', probability: [0.95, 1] },
    },
    {
      label: 'a UK minister saying "highly likely" → PHIA',
      text: `${context}Foreign Secretary David Lammy said it was highly likely that Russia's GRU ran the hacking campaign.`,
      claimant: 'official:gb-david-lammy',
      want: { phrase: 'highly likely', scale: 'PHIA', probability: [0.8, 0.9] },
    },
    {
      label: 'an agency assessing "with high confidence" → confidence statement',
      text: `${context}The FBI assessed with high confidence that North Korean hackers stole the cryptocurrency.`,
      claimant: 'agency:us-fbi',
      want: { phrase: 'high confidence', scale: 'other' },
    },
  ])('$label', ({ text, claimant, want }) => {
    const { claims } = analyzeText(text, kb);
    const c = claims.find(x => x.claimant === claimant && (x.kind === 'attribution' || x.kind === 'assessment'));
    expect(c, JSON.stringify(claims)).toBeDefined();
    expect(c!.confidence).toMatchObject(want);
  });
});
