import type { ContainerText, ReadabilityClass } from './extract-core';
import type { TargetKey } from './targets';
import { watchText, type TextWatch } from './watch-text';

/**
 * What the content scripts hand each other. The detector, the article script and the Readability
 * script are separate bundles but run in one world: the extension's isolated world of the page
 * (Chrome) or its content-script sandbox (Firefox), whose global the page cannot see. They meet
 * on properties of that global, read and written only here.
 */

/** The detector's container extraction, taken over by the article script if still valid. */
interface Prepared extends ContainerText {
  url: string;
  /** Whether the region changed after extraction. */
  watch: TextWatch;
}

/**
 * The detector's first drawing: the highlights it registered (`names`) and, per target of the
 * report it drew, the range found (null where the text was not found).
 */
export interface EarlyDrawing {
  url: string;
  names: string[];
  targets: TargetKey[];
  ranges: (Range | null)[];
}

/** What the detector decided about the page, for the background to read (`detectorVerdict`). */
export interface DetectorVerdict {
  url: string;
  candidate: boolean;
  /**
   * A candidate the detector settled itself: its article (or, without an article container, its
   * whole page) has too little cyber vocabulary to be about state cyber activity
   * (lib/nlp/cyber-hint.ts).
   */
  noCyber?: boolean;
}

interface HandoffGlobal {
  __attributionLensPrepared?: Prepared | null;
  __attributionLensDrawing?: EarlyDrawing | null;
  __attributionLensReadability?: ReadabilityClass;
  __attributionLensCandidate?: Candidate | (() => Candidate);
}
type Candidate = boolean | 'no-cyber';
const g = globalThis as unknown as HandoffGlobal;

/** Keeps the detector's extraction for the article script, watching its region for changes. */
export function prepare(url: string, found: ContainerText): void {
  g.__attributionLensPrepared?.watch.stop();
  g.__attributionLensPrepared = { ...found, url, watch: watchText(found.region) };
}

/**
 * The detector's extraction for `url`, once (it is removed): null if there is none, the page
 * navigated, or the region changed or left the document since.
 */
export function takePrepared(url: string): ContainerText | null {
  const p = g.__attributionLensPrepared;
  if (!p) return null;
  const changed = p.watch.stop();
  g.__attributionLensPrepared = null;
  return p.url === url && !changed && p.region.isConnected ? { article: p.article, region: p.region, rawText: p.rawText } : null;
}

/** The detector keeps what it drew for the article script. */
export function keepDrawing(drawing: EarlyDrawing): void {
  g.__attributionLensDrawing = drawing;
}

/** The detector's drawing, once (it is removed); null if it drew nothing. */
export function takeDrawing(): EarlyDrawing | null {
  const d = g.__attributionLensDrawing ?? null;
  g.__attributionLensDrawing = null;
  return d;
}

/** Registers Readability (the Readability script does, when injected). */
export function provideReadability(readability: ReadabilityClass): void {
  g.__attributionLensReadability = readability;
}

/** Readability, if the Readability script was injected into this page. */
export function readabilityIfLoaded(): ReadabilityClass | null {
  return g.__attributionLensReadability ?? null;
}

/**
 * The detector records whether the page is a candidate (it has run once it has), or a candidate
 * it settled for lack of cyber vocabulary (`'no-cyber'`). A function gives it when asked: a page
 * settled before its article container was read is read when its verdict is wanted.
 */
export function setCandidate(candidate: Candidate | (() => Candidate)): void {
  g.__attributionLensCandidate = candidate;
}

/**
 * The detector's verdict on the page as it is now; null if no detector ran in this page (a page
 * opened before the extension was installed). Read by the background through the verdict
 * script, so the detector needs no message listener (registering one costs more than its check).
 */
export function detectorVerdict(): DetectorVerdict | null {
  const known = g.__attributionLensCandidate;
  if (known === undefined) return null;
  const candidate = typeof known === 'function' ? known() : known;
  return candidate === 'no-cyber' ? { url: location.href, candidate: true, noCyber: true } : { url: location.href, candidate };
}
