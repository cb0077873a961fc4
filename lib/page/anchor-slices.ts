import type { Span } from '../types';
import type { Anchor } from './anchor';
import { drainInSlices, SLICE_MS, type Steps } from './steps';
import { mark } from './timing';

/**
 * `anchor` over `spans`, cut into slices of SLICE_MS that yield to the page between them
 * (thousands of spans on a very long page would otherwise be one long task). Null if
 * `cancelled()` says so after a yield.
 */
export async function anchorInSlices(anchor: Anchor, spans: readonly Span[], cancelled: () => boolean): Promise<(Range | null)[] | null> {
  mark('al:anchor-start');
  const ranges = await drainInSlices(anchorSteps(anchor, spans), SLICE_MS, cancelled);
  mark('al:anchor-end');
  return ranges;
}

function* anchorSteps(anchor: Anchor, spans: readonly Span[]): Steps<(Range | null)[]> {
  const ranges: (Range | null)[] = [];
  for (const span of spans) {
    ranges.push(anchor(span));
    yield;
  }
  return ranges;
}
