import { CYBER_TERMS } from './lexicon';
import { splitSentences, type Sentence } from './sentences';
import { tokenize, type Token } from './tokens';

/** A tokenized text: tokens, sentences, and which tokens each sentence holds. */
export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Array<Sentence & { from: number; to: number; cyber: number }>;
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
    sentences.push({ ...sent, from, to: t, cyber });
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
