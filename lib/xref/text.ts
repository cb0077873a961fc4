/**
 * Text normalisation and phrase spotting for incident matching: case, accents, hyphens and the
 * "APT 40" / "APT-40" / "APT40" variants are folded the same way in the article and in the KB.
 */

/** A tokenised text: folded tokens and the same tokens as written (for case-sensitive aliases). */
export interface Tokens {
  folded: string[];
  written: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[\u0080-\uFFFF]/;
const LETTERS = /^\p{L}+$/u;
const DIGITS = /^\d+$/;

/** Tokenises `s`, joining a letter token and a following number token ("APT 40" -> "APT40"). */
export function tokenize(s: string): Tokens {
  const src = NON_ASCII.test(s) ? s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : s;
  const raw = src.match(WORD) ?? [];
  const written: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    const next = raw[i + 1];
    if (next !== undefined && t.length <= 8 && DIGITS.test(next) && LETTERS.test(t)) {
      written.push(t + next);
      i++;
    } else written.push(t);
  }
  return { folded: written.map((t) => t.toLowerCase()), written };
}

/** The folded key of a phrase: its folded tokens joined by spaces. */
export function phraseKey(s: string): string {
  return tokenize(s).folded.join(' ');
}

/**
 * A phrase is "weak" when it is a single ordinary word ("Snake", "Orion", "Harmony"): it then has
 * to be written capitalised as in the KB, and counts for less.
 */
export function isWeakPhrase(s: string): boolean {
  const t = tokenize(s).written;
  return t.length === 1 && /^\p{Lu}?\p{Ll}+$/u.test(t[0]);
}

/** One phrase of the dictionary, with its payload. */
export interface Phrase<T> {
  folded: string[];
  /** The written form, required when `weak`. */
  written: string;
  weak: boolean;
  value: T;
}

/** A dictionary of phrases looked up token by token (first token -> candidates). */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();

  /** Adds `text` as a phrase carrying `value`. */
  add(text: string, value: T): void {
    const t = tokenize(text);
    if (t.folded.length === 0) return;
    const p: Phrase<T> = { folded: t.folded, written: t.written.join(' '), weak: isWeakPhrase(text), value };
    const list = this.byFirst.get(t.folded[0]);
    if (list) list.push(p);
    else this.byFirst.set(t.folded[0], [p]);
  }

  /** Every phrase found in the tokens, with its count of occurrences. */
  find(tokens: Tokens): Map<Phrase<T>, number> {
    const found = new Map<Phrase<T>, number>();
    const { folded, written } = tokens;
    for (let i = 0; i < folded.length; i++) {
      const list = this.byFirst.get(folded[i]);
      if (!list) continue;
      for (const p of list) {
        const n = p.folded.length;
        if (i + n > folded.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = folded[i + k] === p.folded[k];
        if (!ok) continue;
        if (p.weak && written[i] !== p.written) continue;
        found.set(p, (found.get(p) ?? 0) + 1);
      }
    }
    return found;
  }
}

const DAY = 86_400_000;

/** Day number of a YYYY[-MM[-DD]] date (first day of the period), or null. */
export function dayOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return Number.isNaN(t) ? null : Math.floor(t / DAY);
}

/** YYYY-MM-DD of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
