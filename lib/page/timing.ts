/**
 * Timings of the content scripts' own work, for `npm run bench` (docs/benchmark.md).
 *
 * NOTE: these are deliberately not `performance.mark()` entries. In Chromium the isolated world
 * shares the page's performance timeline, so marks would be visible to every page script (and
 * to the real-user-monitoring libraries that upload all user-timing entries): any page could
 * tell that the reader runs Attribution Lens. Instead, times (`performance.now()`, same time
 * origin as the page's timeline) are pushed to an array on the isolated world's global, which
 * page scripts cannot see; the benchmark reads it through the DevTools protocol.
 */

import { afterNextFrame } from './yield';

/** One timing point: `name` is `al:<phase>-start`, `al:<phase>-end` or a single event. */
export interface TimingPoint {
  name: string;
  /** Milliseconds since the page's time origin. */
  t: number;
}

const KEY = '__attributionLensTimings';
/** Re-runs on a long-lived page must not grow the array forever. */
const MAX_POINTS = 400;

/** Records `name` at the current time (a push onto a small array: no DOM, no timeline entry). */
export function mark(name: string): number {
  const t = performance.now();
  const g = globalThis as unknown as Record<string, TimingPoint[] | undefined>;
  const list = (g[KEY] ??= []);
  if (list.length < MAX_POINTS) list.push({ name, t });
  return t;
}

/** Marks `al:painted` in the task after the next frame's rendering; resolves then. */
export function markPainted(): Promise<void> {
  return afterNextFrame().then(() => void mark('al:painted'));
}
