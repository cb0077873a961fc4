import { buildTextIndex, type TextIndex } from './anchor';
import { mark } from './timing';
import { watchText } from './watch-text';

/** The text index of `root` (timed as `al:index` for the benchmark). */
export function textIndexOf(root: Node): TextIndex {
  mark('al:index-start');
  const index = buildTextIndex(root);
  mark('al:index-end');
  return index;
}

/** A text index built while the background's answer travels, and a watch on its text. */
export interface IndexAhead {
  /** Ends the watch; says whether the text changed since it started (the same answer each call). */
  stop(): boolean;
  /** The index: the one built ahead if the text is unchanged, else one built now. */
  take(): TextIndex;
}

/**
 * Watches `region` and (if `buildNow`) indexes it now, while waiting for the answer that says
 * what to anchor: the index is then ready, or built again if the page changed that text meanwhile
 * (a live story). The detector and the article script both use it.
 */
export function indexAhead(region: Element, buildNow = true): IndexAhead {
  let index = buildNow ? textIndexOf(region) : null;
  const watch = watchText(region);
  let changed: boolean | null = null;
  const stop = (): boolean => (changed ??= watch.stop());
  return {
    stop,
    take: () => (index && !stop() ? index : (index = textIndexOf(region))),
  };
}
