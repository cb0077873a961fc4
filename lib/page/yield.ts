/** Resolves after the page had a chance to run: `scheduler.yield()` where it exists, else a new task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise(resolve => setTimeout(resolve, 0));
}

/**
 * Resolves in the task after the next frame's rendering: the frame's style, layout and paint run
 * after its animation-frame callbacks, in the same task, and a message posted from the callback
 * runs after them. Never resolves while the page is hidden (no frames): race it with a timer.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise(resolve =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    }),
  );
}
