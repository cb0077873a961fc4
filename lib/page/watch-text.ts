/** A watch on the text under an element, started by {@link watchText}. */
export interface TextWatch {
  /** Ends the watch; says whether the text (or the elements holding it) changed meanwhile. */
  stop(): boolean;
}

/**
 * Watches `root` for any change of its text or its subtree: for work done on text read earlier
 * (an extraction handed over, an index built while waiting) that must know if it went stale.
 * The observer only sets a flag, and stops itself at the first change.
 */
export function watchText(root: Element): TextWatch {
  let changed = false;
  const observer = new MutationObserver(() => {
    changed = true;
    observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return {
    stop() {
      changed ||= observer.takeRecords().length > 0;
      observer.disconnect();
      return changed;
    },
  };
}
