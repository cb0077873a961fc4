import { mark } from './timing';
import { yieldToPage } from './yield';

/**
 * Long DOM reads written once, run two ways. A reading is a generator that yields between pieces
 * of its work (every {@link STEP} nodes or so) and returns its result: {@link drain} runs it to the
 * end at once (the command line, tests, small pages), {@link drainInSlices} gives the page its
 * main thread back whenever a slice has taken `sliceMs`, so a huge article is read in several
 * short tasks instead of one long one. A short reading never yields: it costs the same either way.
 */
export type Steps<T> = Generator<void, T, void>;

/** Nodes read between two chances to yield (a few hundred µs of work in a new isolated world). */
export const STEP = 256;

/** Runs `steps` to the end in this task. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Work slice before yielding to the page, in ms (well under the 50 ms of a long task). */
export const SLICE_MS = 12;

/**
 * Runs `steps`, yielding to the page whenever a slice has taken `sliceMs`; null if `cancelled()`
 * says so after a yield (a navigation, a newer run).
 */
export async function drainInSlices<T>(steps: Steps<T>, sliceMs: number): Promise<T>;
export async function drainInSlices<T>(steps: Steps<T>, sliceMs: number, cancelled: () => boolean): Promise<T | null>;
export async function drainInSlices<T>(steps: Steps<T>, sliceMs: number, cancelled?: () => boolean): Promise<T | null> {
  for (let end = performance.now() + sliceMs; ; ) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() > end) {
      // The page's turn, between two marks: the benchmark leaves it out of our work.
      mark('al:yield-start');
      await yieldToPage();
      mark('al:yield-end');
      if (cancelled?.()) return null;
      end = performance.now() + sliceMs;
    }
  }
}
