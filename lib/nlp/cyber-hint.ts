/**
 * A necessary condition for relevance, cheap enough for the always-on detector (no lexicon, no
 * tokens): an article is about state cyber activity only if its text holds at least
 * {@link MIN_CYBER_TERMS} terms of the cyber vocabulary (`CYBER_TERMS` in ./lexicon.ts, counted
 * per token by ./doc.ts), and every such term contains one of these stems. So a text with fewer
 * stems than that cannot be relevant, and neither can any part of it: the detector settles such a
 * page without the article's analysis (most news a reader opens is about something else).
 * The stems over-count (any word containing one: "networking", "observer"), never under-count: the
 * unit tests check every term of the vocabulary and random texts against the engine's own count.
 */

/** Fewer cyber terms than this and relevance is impossible (lib/nlp/relevance.ts requires it). */
export const MIN_CYBER_TERMS = 2;

// `u`: "K" (Kelvin sign) is lower-cased to "k" by the engine, and matches "k" here only with it.
// "apt" is a term only as a token of its own (lib/nlp/tokens.ts: letters, marks and digits make
// a word; a digit may end the token before it, as in "2.0apt"), so not in "caption" or
// "chapter". Only ASCII letters (and digits after it) are ruled out around it: other letters
// over-count ("éapt"), and Unicode property classes would cost ≈ 0.7 ms more to compile in a page.
const STEMS = /cyber|hack|malware|ransomware|spyware|wiper|botnet|phishing|ddos|intrusion|breach|exploit|vulnerabilit|zero-day|backdoor|trojan|(?<![a-z])apt(?![a-z\d])|compromise|espionage|infiltrat|network|server|exfiltrat|credential|implant|infostealer|worm|wi-?fi/giu;

/** How many cyber stems `text` holds, counting no further than `enough`. */
export function cyberStems(text: string, enough = MIN_CYBER_TERMS): number {
  STEMS.lastIndex = 0;
  let n = 0;
  while (n < enough && STEMS.exec(text)) n++;
  return n;
}
