import { browser } from 'wxt/browser';

/** The runtime-registered content scripts' paths in the build (WXT, `registration: 'runtime'`). */
export const SCRIPTS = {
  article: '/content-scripts/article.js',
  readability: '/content-scripts/readability.js',
} as const;

/** Which of {@link SCRIPTS}. */
export type ScriptName = keyof typeof SCRIPTS;

interface Mv2Tabs {
  executeScript(tabId: number, details: { file: string; runAt?: string }): Promise<unknown>;
}

/**
 * Runs one of our runtime-registered scripts in the tab's top frame, in the extension's isolated
 * world. Chrome MV3 (and Firefox MV3) use `scripting.executeScript`; the Firefox MV2 build has no
 * `scripting` permission, so it uses `tabs.executeScript` (polyfilled to a promise).
 * Throws if the tab cannot be scripted (e.g. a browser page): callers turn that into a Result.
 */
export async function injectScript(tabId: number, name: ScriptName): Promise<void> {
  const file = SCRIPTS[name];
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.executeScript) {
    // injectImmediately: not queued behind the tab's document_idle (the page is past it anyway
    // when the detector asks, but the browser then need not check).
    await scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file], injectImmediately: true });
    return;
  }
  const tabs = browser.tabs as unknown as Mv2Tabs;
  await tabs.executeScript(tabId, { file, runAt: 'document_idle' });
}
