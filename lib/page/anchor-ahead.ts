import { anchorer, textIndexSteps, type Anchor } from './anchor';
import { drainInSlices, SLICE_MS } from './steps';
import { mark } from './timing';
import { watchText } from './watch-text';
import { yieldToPage } from './yield';

/**
 * {@link anchorer} over a new index of `root` (timed as `al:index` for the benchmark): what
 * anchoring needs before it knows the spans. A huge region is indexed in slices that yield to the
 * page.
 */
export async function anchorIn(root: Node, articleText: string): Promise<Anchor> {
  mark('al:index-start');
  const index = await drainInSlices(textIndexSteps(root), SLICE_MS);
  mark('al:index-end');
  return anchorer(index, articleText);
}

/** An anchorer prepared while the background's answer travels, and a watch on its text. */
export interface AnchorAhead {
  /** Ends the watch; says whether the text changed since it started (the same answer each call). */
  stop(): boolean;
  /** The anchorer: the one prepared ahead (or being prepared) if the text is unchanged, else one prepared now. */
  take(): Promise<Anchor>;
}

/**
 * Above this many elements in the region its index is not built ahead: ≈ 20–40 ms of work for the
 * 9,900 elements of a long Wikipedia article (in slices), paid even when the answer says the
 * article is not relevant. It is then built when taken.
 */
export const MAX_AHEAD_ELEMENTS = 2500;

/**
 * Watches `region` and (if `ahead`, and the region has at most MAX_AHEAD_ELEMENTS elements)
 * indexes it (in slices of SLICE_MS) and normalises `articleText` from the next task on,
 * while waiting for the answer that says what to anchor: both are then ready, or done again if
 * the page changed that text meanwhile (a live story). In a task of its own: the caller's task
 * has just read the page, and on a very long article reading and indexing together would make
 * one long task. The detector and the article script both use it.
 */
export function anchorAhead(region: Element, articleText: string, ahead = true): AnchorAhead {
  let anchor: Promise<Anchor> | null = null;
  const watch = watchText(region);
  let changed: boolean | null = null;
  const stop = (): boolean => (changed ??= watch.stop());
  if (ahead && region.getElementsByTagName('*').length <= MAX_AHEAD_ELEMENTS) {
    void yieldToPage().then(() => {
      if (changed === null) anchor ??= anchorIn(region, articleText);
    });
  }
  return {
    stop,
    take: () => (anchor && !stop() ? anchor : (anchor = anchorIn(region, articleText))),
  };
}
