/**
 * Necessary conditions for relevance, cheap enough for the always-on detector (no lexicon, no
 * tokens): an article is about state cyber activity only if its text holds at least
 * {@link MIN_CYBER_TERMS} terms of the cyber vocabulary (`CYBER_TERMS` in ./lexicon.ts, counted
 * per token by ./doc.ts), at least {@link MIN_CYBER_DENSITY} per 100 words, and every such term
 * contains one of these stems. So a text with fewer stems than that cannot be relevant: the
 * detector settles such a page without the article's analysis (most news a reader opens is about
 * something else; a long one that says "network" twice is too).
 * The stems over-count (any word containing one: "networking", "observer"), never under-count: the
 * unit tests check every term of the vocabulary and random texts against the engine's own count.
 * Words are under-counted, never over-counted, against the engine's (same tests).
 */

/** Fewer cyber terms than this and relevance is impossible (lib/nlp/relevance.ts requires it). */
export const MIN_CYBER_TERMS = 2;
/** Fewer cyber terms per 100 words than this and relevance is impossible (relevance.ts too). */
export const MIN_CYBER_DENSITY = 0.3;

// `u`: "K" (Kelvin sign) is lower-cased to "k" by the engine, and matches "k" here only with it.
// "apt" is a term only as a token of its own (lib/nlp/tokens.ts: letters, marks and digits make
// a word; a digit may end the token before it, as in "2.0apt"), so not in "caption" or
// "chapter". Only ASCII letters (and digits after it) are ruled out around it: other letters
// over-count ("éapt"), and Unicode property classes would cost ≈ 0.7 ms more to compile in a page.
// Both patterns are built on a candidate's first test, not on every page the detector runs in.
const TERMS = 'cyber|hack|malware|ransomware|spyware|wiper|botnet|phishing|ddos|intrusion|breach|exploit|vulnerabilit|zero-day|backdoor|trojan|compromise|espionage|infiltrat|network|server|exfiltrat|credential|implant|infostealer|worm|wi-?fi';
let strict: RegExp | undefined;
let glued: RegExp | undefined;

/**
 * How many cyber stems `text` holds, counting no further than `enough`. A `glued` text is one
 * whose elements' boundaries were dropped (an element's `textContent`: "<td>APT</td><td>28</td>"
 * reads "APT28"), where "apt" may touch the next element's letters or digits on one side: it is
 * then counted with a non-letter on either side, so the count does not fall below that of a
 * reading of the same elements with breaks between them. Not counted anywhere ("caption",
 * "chapter", "captured" are too common): an "APT" that is a whole element's text, glued to
 * letters or digits on both sides ("Russia</td><td>APT</td><td>28"), is missed.
 */
export function cyberStems(text: string, enough = MIN_CYBER_TERMS, isGlued = false): number {
  const re = isGlued
    ? (glued ??= new RegExp(`${TERMS}|(?<![a-z])apt|apt(?![a-z\\d])`, 'giu'))
    : (strict ??= new RegExp(`${TERMS}|(?<![a-z])apt(?![a-z\\d])`, 'giu'));
  re.lastIndex = 0;
  let n = 0;
  while (n < enough && re.exec(text)) n++;
  return n;
}

// A run of non-space characters that starts with an ASCII letter or digit: the engine's first
// token there is a word (lib/nlp/tokens.ts; not one that starts with a combining mark, "\u0301a",
// which it counts as punctuation), and its tokens never hold a space, so no two runs share one.
const WORD = /(?:^|\s)[a-z\d]/gi;

/**
 * A count of the words in `text` that is never more than the engine's (its tokens that are not
 * punctuation), counting no further than `enough`.
 */
export function fewestWords(text: string, enough = Infinity): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (words < enough && WORD.exec(text)) words++;
  return words;
}

/**
 * True if `text` cannot be relevant: fewer than MIN_CYBER_TERMS stems or, if `whole` (`text` is
 * all the engine would read), fewer than MIN_CYBER_DENSITY per 100 words. Without `whole` only
 * the count is tested: a part of `text` (what Readability keeps of a page) may be denser; `text`
 * is then a page's text as its nodes join (lib/page/block-text.ts `textOutsideCode`), and is
 * counted as {@link cyberStems}' glued text.
 * The words are counted only when the stems could be that sparse (k runs of non-space
 * characters need 2k − 1 characters, so a text of n characters has at most (n + 1) / 2 words),
 * and only as far as the density needs: a long article is not counted to its end.
 */
export function cannotBeRelevant(text: string, whole: boolean): boolean {
  const dense = whole ? Math.ceil((((text.length + 1) / 2) * MIN_CYBER_DENSITY) / 100) : 0;
  const stems = cyberStems(text, Math.max(MIN_CYBER_TERMS, dense), !whole);
  if (stems < MIN_CYBER_TERMS) return true;
  if (stems >= dense) return false;
  // The fewest words that make `stems` too sparse (the test below decides, on a true lower bound).
  const sparse = Math.floor((stems * 100) / MIN_CYBER_DENSITY) + 1;
  return (stems / fewestWords(text, sparse)) * 100 < MIN_CYBER_DENSITY;
}
