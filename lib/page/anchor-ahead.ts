import { anchorer, buildTextIndex, type Anchor, type TextIndex } from './anchor';
import { mark } from './timing';
import { watchText } from './watch-text';
import { yieldToPage } from './yield';

/** The text index of `root` (timed as `al:index` for the benchmark). */
export function textIndexOf(root: Node): TextIndex {
  mark('al:index-start');
  const index = buildTextIndex(root);
  mark('al:index-end');
  return index;
}

/** {@link anchorer} over a new index of `root`: what anchoring needs before it knows the spans. */
export function anchorIn(root: Node, articleText: string): Anchor {
  return anchorer(textIndexOf(root), articleText);
}

/** An anchorer prepared while the background's answer travels, and a watch on its text. */
export interface AnchorAhead {
  /** Ends the watch; says whether the text changed since it started (the same answer each call). */
  stop(): boolean;
  /** The anchorer: the one prepared ahead if the text is unchanged, else one prepared now. */
  take(): Anchor;
}

/**
 * Above this many elements in the region its index is not built ahead: it would be one long task
 * (≈ 42 ms for the 9,900 elements of a long Wikipedia article, in the bench over real pages), paid
 * even when the answer says the article is not relevant. It is then built when taken.
 */
export const MAX_AHEAD_ELEMENTS = 2500;

/**
 * Watches `region` and (if `ahead`, and the region has at most MAX_AHEAD_ELEMENTS elements)
 * indexes it and normalises `articleText` in the next task,
 * while waiting for the answer that says what to anchor: both are then ready, or done again if
 * the page changed that text meanwhile (a live story). In a task of its own: the caller's task
 * has just read the page, and on a very long article reading and indexing together would make
 * one long task. The detector and the article script both use it.
 */
export function anchorAhead(region: Element, articleText: string, ahead = true): AnchorAhead {
  let anchor: Anchor | null = null;
  const watch = watchText(region);
  let changed: boolean | null = null;
  const stop = (): boolean => (changed ??= watch.stop());
  if (ahead && region.getElementsByTagName('*').length <= MAX_AHEAD_ELEMENTS) {
    void yieldToPage().then(() => {
      if (changed === null && !anchor) anchor = anchorIn(region, articleText);
    });
  }
  return {
    stop,
    take: () => (anchor && !stop() ? anchor : (anchor = anchorIn(region, articleText))),
  };
}
