import type { Confidence, ConfidenceScale } from '../types';

/**
 * Estimative language placed on the US ICD 203 scale and the UK PHIA probability yardstick.
 * Confidence statements ("confident", "high confidence") are a separate axis: they say how sure
 * the analyst is of the evidence, not how probable the event is.
 */

interface Term {
  /** Regular-expression source, matched case-insensitively on word boundaries. */
  re: string;
  icd?: { term: string; p: [number, number] };
  phia?: { term: string; p: [number, number] };
  /** Confidence statement (not a probability). */
  conf?: { term: string; p: [number, number] };
}

// ICD 203 (2015) bands
const ICD = {
  noChance: { term: 'almost no chance', p: [0.01, 0.05] as [number, number] },
  veryUnlikely: { term: 'very unlikely', p: [0.05, 0.2] as [number, number] },
  unlikely: { term: 'unlikely', p: [0.2, 0.45] as [number, number] },
  even: { term: 'roughly even chance', p: [0.45, 0.55] as [number, number] },
  likely: { term: 'likely', p: [0.55, 0.8] as [number, number] },
  veryLikely: { term: 'very likely', p: [0.8, 0.95] as [number, number] },
  certain: { term: 'almost certain', p: [0.95, 0.99] as [number, number] },
};
// PHIA probability yardstick (2019)
const PHIA = {
  remote: { term: 'remote chance', p: [0, 0.05] as [number, number] },
  highlyUnlikely: { term: 'highly unlikely', p: [0.1, 0.2] as [number, number] },
  unlikely: { term: 'unlikely', p: [0.25, 0.35] as [number, number] },
  realistic: { term: 'realistic possibility', p: [0.4, 0.5] as [number, number] },
  likely: { term: 'likely or probable', p: [0.55, 0.75] as [number, number] },
  highlyLikely: { term: 'highly likely', p: [0.8, 0.9] as [number, number] },
  certain: { term: 'almost certain', p: [0.95, 1] as [number, number] },
};

/** Longest phrases first, so "highly likely" wins over "likely". */
const TERMS: Term[] = [
  { re: 'very high (?:level|degree) of confidence', conf: { term: 'high confidence', p: [0.9, 1] } },
  { re: 'high (?:level|degree) of confidence', conf: { term: 'high confidence', p: [0.8, 1] } },
  { re: 'highest (?:level|degree) of (?:confidence|probability|certainty)', conf: { term: 'high confidence', p: [0.9, 1] } },
  { re: '(?:very )?high confidence', conf: { term: 'high confidence', p: [0.8, 1] } },
  { re: '(?:moderate|medium) confidence', conf: { term: 'moderate confidence', p: [0.5, 0.8] } },
  { re: 'low confidence', conf: { term: 'low confidence', p: [0.2, 0.5] } },
  { re: '(?:high|very high) (?:degree of )?(?:probability|likelihood)', phia: PHIA.highlyLikely },
  { re: 'almost no chance', icd: ICD.noChance },
  { re: 'remote (?:chance|possibility)', icd: ICD.noChance, phia: PHIA.remote },
  { re: 'highly improbable', icd: ICD.veryUnlikely },
  { re: 'very unlikely', icd: ICD.veryUnlikely },
  { re: 'highly unlikely', phia: PHIA.highlyUnlikely },
  { re: 'roughly even (?:chance|odds)', icd: ICD.even },
  { re: 'realistic possibility', phia: PHIA.realistic },
  { re: 'highly probable', icd: ICD.veryLikely },
  { re: 'very likely', icd: ICD.veryLikely },
  { re: 'highly likely', phia: PHIA.highlyLikely },
  { re: '(?:almost|nearly|virtually) certain(?:ly|ty)?', icd: ICD.certain, phia: PHIA.certain },
  { re: 'improbabl[ey]|unlikely', icd: ICD.unlikely, phia: PHIA.unlikely },
  { re: 'in all likelihood|most likely|probabl[ey]|likely', icd: ICD.likely, phia: PHIA.likely },
  { re: '(?:highly |very |fully )?confident', conf: { term: 'confident', p: [0.8, 1] } },
];

const RE = new RegExp(`\\b(?:${TERMS.map(t => `(${t.re})`).join('|')})\\b`, 'gi');
/**
 * Every phrase of TERMS contains one of these stems: a sentence without any (most sentences) is
 * answered without running the 21-way pattern above.
 */
const STEMS = /confiden|probab|likel|chance|possib|odds|certain/i;

/** An estimative phrase found in a sentence, with its offset in that sentence. */
export interface ConfidenceHit extends Confidence {
  index: number;
}

/**
 * The strongest-signalled estimative phrase of a sentence: the first one written, except that a
 * probability word wins over a bare "confident". `country` (the claimant's ISO code) picks PHIA
 * for the UK when a phrase sits on both scales.
 */
export function findConfidence(sentence: string, country: string | null = null): ConfidenceHit | null {
  if (!STEMS.test(sentence)) return null;
  RE.lastIndex = 0;
  let best: ConfidenceHit | null = null;
  for (let m = RE.exec(sentence); m; m = RE.exec(sentence)) {
    const k = m.slice(1).findIndex(g => g !== undefined);
    const t = TERMS[k];
    if (t.re.includes('likely|') && /\b(?:more|less)\s+$/i.test(sentence.slice(Math.max(0, m.index - 6), m.index))) continue;
    const hit = place(t, m[0], m.index, country);
    if (!best || (best.expresses === 'confidence' && hit.expresses === 'likelihood' && best.phrase.toLowerCase().includes('confident'))) best = hit;
  }
  return best;
}

function place(t: Term, phrase: string, index: number, country: string | null): ConfidenceHit {
  if (t.conf) return { phrase, scale: 'other', probability: t.conf.p, term: t.conf.term, expresses: 'confidence', index };
  let scale: ConfidenceScale;
  if (t.icd && t.phia) scale = country === 'GB' ? 'PHIA' : 'ICD-203';
  else scale = t.phia ? 'PHIA' : 'ICD-203';
  const band = scale === 'PHIA' ? t.phia! : t.icd!;
  return { phrase, scale, probability: band.p, term: band.term, expresses: 'likelihood', index };
}
