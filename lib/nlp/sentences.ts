/**
 * Sentence splitter with offsets, aware of abbreviations (U.S., Gen., Sept.), initials,
 * decimal numbers, and quotation marks (a sentence inside “…” is marked `inQuote`).
 */

export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (blocks separated by blank lines / newlines). */
  paragraph: number;
  /** The whole sentence stands inside quotation marks, or opens a quote not closed before it ends. */
  inQuote: boolean;
  /** Contains a quotation mark at all. */
  hasQuote: boolean;
}

/** Abbreviations that never end a sentence (titles, "No.", "vs."). */
const TITLE_ABBREV = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep st jr sr no nos vs fig al approx dept hon rev op cf mt ft gov. e.g i.e'.split(' '),
);
/** Abbreviations that end a sentence only before an obvious sentence opener ("… in the U.S. The …"). */
const OTHER_ABBREV = new Set('inc corp co ltd etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u est min max pres sec'.split(' '));
const OPENER = /^(?:The|It|He|She|They|We|But|And|This|That|In|On|A|An|However|Its|Their|His|Her)\b/;
const OPEN_Q = new Set(['“', '‘', '«']);
const CLOSE_Q = new Set(['”', '’', '»']);

/** Splits `text` into sentences. Paragraph breaks (newlines) always end a sentence. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    // paragraph: up to the next newline
    let pEnd = text.indexOf('\n', pos);
    if (pEnd < 0) pEnd = n;
    if (text.slice(pos, pEnd).trim()) {
      splitParagraph(text, pos, pEnd, paragraph, out);
      paragraph++;
    }
    pos = pEnd + 1;
  }
  return out;
}

function splitParagraph(text: string, from: number, to: number, paragraph: number, out: Sentence[]): void {
  let start = skipSpace(text, from, to);
  let i = start;
  while (i < to) {
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?') && isBoundary(text, i, to, start)) {
      let end = i + 1;
      // closing quotes and brackets after the terminator belong to the sentence
      while (end < to && (CLOSE_Q.has(text[end]) || text[end] === '"' || text[end] === ')' || text[end] === '.')) end++;
      pushSentence(text, start, end, paragraph, out);
      start = skipSpace(text, end, to);
      i = start;
      continue;
    }
    i++;
  }
  if (start < to) pushSentence(text, start, trimEnd(text, start, to), paragraph, out);
}

function isBoundary(text: string, i: number, to: number, start: number): boolean {
  let j = i + 1;
  while (j < to && (CLOSE_Q.has(text[j]) || text[j] === '"' || text[j] === ')')) j++;
  if (j >= to) return true;
  if (!/\s/.test(text[j])) return false; // "U.S.-based", "2.5", "example.com"
  while (j < to && /\s/.test(text[j])) j++;
  if (j >= to) return true;
  const next = text[j];
  if (text[i] !== '.') return true;
  // the word before the dot
  let k = i - 1;
  while (k >= start && /[\p{L}.]/u.test(text[k])) k--;
  const word = text.slice(k + 1, i).toLowerCase();
  if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[i - 1]) && i - 1 > start) return false; // initial: "Antony J. Blinken"
  if (word === 'no' || word === 'nos') return !/\d/.test(next); // "No. 5", but "said no. She"
  if (TITLE_ABBREV.has(word)) return false;
  if (OTHER_ABBREV.has(word)) return /[“"‘]/.test(next) || OPENER.test(text.slice(j, j + 9));
  return /[\p{Lu}\d“"‘'(«[—–-]/u.test(next);
}

function pushSentence(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  if (end <= start) return;
  const s = text.slice(start, end);
  if (!s.trim()) return;
  const first = s[0];
  const opens = OPEN_Q.has(first) || first === '"';
  const hasQuote = /[“”"«»]/.test(s) || /(?:^|\s)‘|’(?=\s|$|[,.])/.test(s);
  // inQuote: starts with a quote mark and there is no reporting clause after the quote closes
  let inQuote = false;
  if (opens) {
    const close = s.slice(1).search(/[”"»]/);
    inQuote = close < 0 || close + 2 >= trimEnd(s, 0, s.length) - (s.trimEnd().endsWith('.') ? 1 : 0);
  }
  out.push({ start, end, paragraph, inQuote, hasQuote });
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
