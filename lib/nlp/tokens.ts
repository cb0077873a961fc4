/**
 * Tokenizer: words, initialisms and single punctuation marks with their offsets.
 *
 * Offsets are UTF-16 code units into the text given. Hyphens and possessive "'s" are separate
 * tokens ("state-backed" → state, -, backed; "China's" → China, 's) so that knowledge-base
 * aliases tokenized the same way match across spelling variants.
 */

export interface Token {
  /** Surface form as written. */
  text: string;
  /** Lower-cased, curly apostrophes folded, for lookups. */
  lower: string;
  start: number;
  end: number;
  /** 'word' (letters/digits), 'init' (U.S., U.K.), 'punct'. */
  kind: 'word' | 'init' | 'punct';
  /** Index of the sentence this token belongs to (set by the pipeline). */
  sentence: number;
}

// Initialisms (U.S., U.K., E.U.), then words with inner apostrophes (O'Neil, don't) or dots
// between digits (2.0), then any other single non-space character.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+|\.\d+)*|\S/gu;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Splits `text` into tokens. Linear in the text length. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const s = m[0];
    const start = m.index;
    const first = s.charCodeAt(0);
    const isWord = first < 128 ? (first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122) : LETTER_OR_DIGIT.test(s[0]);
    if (isWord && s.length > 2 && /['’]s$/i.test(s) && !/^(?:it|let|that|what|there|here|he|she|who)['’]s$/i.test(s)) {
      // possessive: China's → China + 's
      push(out, s.slice(0, -2), start, 'word');
      push(out, s.slice(-2), start + s.length - 2, 'word');
      continue;
    }
    const kind: Token['kind'] = s.length > 2 && s.endsWith('.') && first < 128 && /^(?:\p{Lu}\.){2,}$/u.test(s) ? 'init' : isWord ? 'word' : 'punct';
    push(out, s, start, kind);
  }
  return out;
}

function push(out: Token[], text: string, start: number, kind: Token['kind']): void {
  out.push({ text, lower: fold(text), start, end: start + text.length, kind, sentence: -1 });
}

/** Lower-case and fold typographic apostrophes; the key used by every lookup. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Tokenizes an alias the same way as text and returns its lookup keys. */
export function aliasKeys(alias: string): string[] {
  return tokenize(alias).map(t => t.lower);
}

const UPPER_FIRST = /^\p{Lu}/u;

/**
 * Does `s` start with an upper-case letter (`\p{Lu}`)? Asked of most tokens several times per
 * analysis: an ASCII first character is answered without the pattern.
 */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(s);
}
