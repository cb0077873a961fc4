/**
 * Date parsing for page metadata: turns the many ways pages write a publication date into
 * `YYYY-MM-DD`. Pure string work; every pattern is linear (no nested quantifiers).
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1–12 for a month's name or a prefix of it of 3+ letters ("July", "Jul", "Sept."), else null. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  return (w.length >= 3 && MONTHS.findIndex(full => full.startsWith(w)) + 1) || null;
}

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31 June and the like
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DIGIT = /\d/;
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T|$)/;
const MONTH_FIRST = /\b([A-Za-z]{3,9}\.?)\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})\b/g;
const DAY_FIRST = /\b(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?([A-Za-z]{3,9}\.?),?\s(\d{4})\b/g;

/**
 * Parses a date as written in metadata or prose ("2021-07-19T10:00:00-04:00", "20210719",
 * "July 19, 2021", "19 July 2021", "Mon, 19 Jul 2021 10:00:00 GMT") into `YYYY-MM-DD`.
 * A timestamp keeps the calendar day it was written with (its local day), not the UTC day.
 * @returns the date, or null when the string holds no plausible date (years 1990..2100).
 */
export function parseDate(raw: string | null | undefined): string | null {
  // Every form read here has a year: a line without a digit is answered before any date pattern
  // is compiled (the lead of an article, read on the detector's path, is mostly such lines).
  if (!raw || !DIGIT.test(raw)) return null;
  const s = raw.trim().slice(0, 200).replace(/\s+/g, ' ');
  let m = ISO.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = COMPACT.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  return findProseDate(s);
}

/**
 * Finds the first date written with a month name ("July 19, 2021", "19 July 2021",
 * "Sept. 3 2020") in a piece of prose.
 * @returns `YYYY-MM-DD` or null.
 */
export function findProseDate(text: string): string | null {
  if (!DIGIT.test(text)) return null;
  const first = (re: RegExp, order: (m: RegExpExecArray) => [string, string, string]) => {
    for (const m of text.matchAll(re)) {
      const [y, mo, d] = order(m);
      const month = monthOf(mo);
      const date = month ? ymd(+y, month, +d) : null;
      if (date) return { index: m.index, date };
    }
    return null;
  };
  const a = first(MONTH_FIRST, m => [m[3], m[1], m[2]]);
  const b = first(DAY_FIRST, m => [m[3], m[2], m[1]]);
  if (a && b) return a.index <= b.index ? a.date : b.date;
  return (a ?? b)?.date ?? null;
}
