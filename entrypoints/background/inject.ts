import { browser } from 'wxt/browser';
import type { DetectorVerdict } from '../../lib/page/handoff';

/** The runtime-registered content scripts' paths in the build (WXT, `registration: 'runtime'`). */
export const SCRIPTS = {
  article: '/content-scripts/article.js',
  readability: '/content-scripts/readability.js',
} as const;

/** Which of {@link SCRIPTS}. */
export type ScriptName = keyof typeof SCRIPTS;

/** The unlisted script whose value is the detector's verdict (entrypoints/verdict.ts). */
const VERDICT = '/verdict.js' as const;

interface Mv2Tabs {
  executeScript(tabId: number, details: { file: string; runAt?: string }): Promise<unknown[]>;
}

/**
 * Runs one of our runtime-registered scripts in the tab's top frame, in the extension's isolated
 * world. Chrome MV3 (and Firefox MV3) use `scripting.executeScript`; the Firefox MV2 build has no
 * `scripting` permission, so it uses `tabs.executeScript` (polyfilled to a promise).
 * Throws if the tab cannot be scripted (e.g. a browser page): callers turn that into a Result.
 */
export async function injectScript(tabId: number, name: ScriptName): Promise<void> {
  await runFile(tabId, SCRIPTS[name]);
}

/**
 * The detector's verdict on the tab's page, read from the extension's world of the page: null if
 * no detector ran there (a page opened before the extension was installed) or it cannot be read.
 */
export async function readDetectorVerdict(tabId: number): Promise<DetectorVerdict | null> {
  const value = await runFile(tabId, VERDICT).catch(() => null);
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.url !== 'string' || typeof v.candidate !== 'boolean') return null;
  return v.noCyber === true ? { url: v.url, candidate: v.candidate, noCyber: true } : { url: v.url, candidate: v.candidate };
}

/** Runs one of our files in the tab's top frame and gives its value. */
async function runFile(tabId: number, file: (typeof SCRIPTS)[ScriptName] | typeof VERDICT): Promise<unknown> {
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.executeScript) {
    // injectImmediately: not queued behind the tab's document_idle (the page is past it anyway
    // when the detector asks, but the browser then need not check).
    const [frame] = await scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file], injectImmediately: true });
    return frame?.result;
  }
  const tabs = browser.tabs as unknown as Mv2Tabs;
  const [result] = await tabs.executeScript(tabId, { file, runAt: 'document_idle' });
  return result;
}
