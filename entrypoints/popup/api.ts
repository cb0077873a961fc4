import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/messaging/client';

/**
 * The popup's and options page's only door to the background: the typed client of
 * lib/messaging, plus the few browser calls the pages need. Components never import this.
 */
export { sendToBackground };

/**
 * The tab the popup is about: `?tabId=N` when opened as a page (full view, tests), otherwise the
 * active tab of the current window. Null when there is none (e.g. no window has focus).
 */
export async function resolveTabId(search: string = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/** True when the popup was opened as a page for a given tab (`?tabId=N`): use the wide layout. */
export function isFullPage(search: string = location.search): boolean {
  return new URLSearchParams(search).has('tabId');
}

/** URL of the options page, for a real link (`href`). */
export function optionsUrl(): string {
  return browser.runtime.getURL('/options.html');
}

/** Opens the options page the browser's own way (reuses an open one); falls back to a new tab. */
export async function openOptions(): Promise<void> {
  try {
    await browser.runtime.openOptionsPage();
  } catch {
    await browser.tabs.create({ url: optionsUrl() });
  }
}
