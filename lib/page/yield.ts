/** Resolves after the page had a chance to run: `scheduler.yield()` where it exists, else a new task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise(resolve => setTimeout(resolve, 0));
}
