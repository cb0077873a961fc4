import { CYBER_TERMS } from './lexicon';
import { splitSentences, type Sentence } from './sentences';
import { tokenize, type Token } from './tokens';

/**
 * How far (in tokens) any rule looks from a word: a subject, an accused, a clause boundary.
 * Real sentences are shorter; the bound keeps a run-on "sentence" of thousands of words linear.
 */
export const WINDOW = 60;

/** A tokenized text: tokens, sentences, and which tokens each sentence holds. */
export interface Doc {
  text: string;
  tokens: Token[];
  /** `body`: first token after a dateline ('WASHINGTON (Reuters) —'), else `from`. */
  sentences: Array<Sentence & { from: number; to: number; body: number; cyber: number }>;
  /** Number of cyber terms in the whole text. */
  cyberTerms: number;
}

/** Tokenizes and sentence-splits `text` (linear time). */
export function makeDoc(text: string): Doc {
  const tokens = tokenize(text);
  const sents = splitSentences(text);
  const sentences: Doc['sentences'] = [];
  let t = 0;
  let cyberTerms = 0;
  for (let s = 0; s < sents.length; s++) {
    const sent = sents[s];
    while (t < tokens.length && tokens[t].end <= sent.start) t++;
    const from = t;
    let cyber = 0;
    while (t < tokens.length && tokens[t].start < sent.end) {
      tokens[t].sentence = s;
      if (isCyberToken(tokens, t)) cyber++;
      t++;
    }
    cyberTerms += cyber;
    const first = sentences.length === 0 || sentences[sentences.length - 1].paragraph !== sent.paragraph;
    sentences.push({ ...sent, from, to: t, body: first ? datelineEnd(tokens, from, t) : from, cyber });
  }
  return { text, tokens, sentences, cyberTerms };
}

/** Cyber vocabulary test for token i (also "cyber-attack", "zero-day" across hyphens). */
export function isCyberToken(tokens: Token[], i: number): boolean {
  const w = tokens[i].lower;
  if (CYBER_TERMS.has(w)) return true;
  if (w.startsWith('cyber')) return true;
  return false;
}

/** Tokens of sentence s. */
export function sentenceTokens(doc: Doc, s: number): Token[] {
  const sent = doc.sentences[s];
  return doc.tokens.slice(sent.from, sent.to);
}

/**
 * End of a dateline at the start of a paragraph: an upper-case place, optionally ", Country"
 * and "(Agency)", then a dash: "OTTAWA –", "TBILISI, Georgia (AP) —". Returns `from` if none.
 */
function datelineEnd(tokens: Token[], from: number, to: number): number {
  const t = tokens[from];
  if (!t || t.kind !== 'word' || t.text.length < 3 || t.text !== t.text.toUpperCase() || !/\p{Lu}/u.test(t.text)) return from;
  for (let j = from + 1; j < Math.min(to, from + 12); j++) {
    const w = tokens[j].text;
    if (w === '—' || w === '–' || (w === '-' && tokens[j - 1].end < tokens[j].start)) return j + 1;
    if (w === '.' || w === '“' || w === '"') break;
  }
  return from;
}

/** Token i lies in its sentence's dateline. */
export function inDateline(doc: Doc, i: number): boolean {
  const s = doc.sentences[doc.tokens[i].sentence];
  return !!s && i < s.body;
}
