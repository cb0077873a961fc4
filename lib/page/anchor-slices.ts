import type { Span } from '../types';
import type { Anchor } from './anchor';
import { mark } from './timing';
import { yieldToPage } from './yield';

/** Work slice before yielding to the page, in ms (well under the 50 ms of a long task). */
export const SLICE_MS = 12;

/**
 * `anchor` over `spans`, cut into slices of SLICE_MS that yield to the page between them
 * (thousands of spans on a very long page would otherwise be one long task). Null if
 * `cancelled()` says so after a yield.
 */
export async function anchorInSlices(anchor: Anchor, spans: readonly Span[], cancelled: () => boolean): Promise<(Range | null)[] | null> {
  mark('al:anchor-start');
  const ranges: (Range | null)[] = [];
  let sliceStart = performance.now();
  for (const span of spans) {
    ranges.push(anchor(span));
    if (performance.now() - sliceStart > SLICE_MS) {
      mark('al:anchor-yield');
      await yieldToPage();
      if (cancelled()) return null;
      sliceStart = performance.now();
    }
  }
  mark('al:anchor-end');
  return ranges;
}
