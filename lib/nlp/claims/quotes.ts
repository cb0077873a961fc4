import type { Doc } from '../doc';

/** Which character offsets lie inside quotation marks (per paragraph; curly and straight quotes). */
export interface QuoteMap {
  inside(offset: number): boolean;
}

/** Scans the text once and records the quoted ranges. */
export function quoteMap(doc: Doc): QuoteMap {
  const ranges: Array<[number, number]> = [];
  const text = doc.text;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      // a quote left open at a paragraph's end is closed there (wire style reopens it in the next)
      if (open >= 0) ranges.push([open, i]);
      open = -1;
      continue;
    }
    if (c === '“' || (c === '"' && open < 0)) {
      if (open < 0) open = i;
    } else if ((c === '”' || c === '"') && open >= 0) {
      ranges.push([open, i + 1]);
      open = -1;
    }
  }
  if (open >= 0) ranges.push([open, text.length]);
  return {
    inside(offset: number): boolean {
      let lo = 0;
      let hi = ranges.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [a, b] = ranges[mid];
        if (offset < a) hi = mid - 1;
        else if (offset >= b) lo = mid + 1;
        else return true;
      }
      return false;
    },
  };
}
