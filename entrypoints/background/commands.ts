import { browser } from 'wxt/browser';
import { annotateTab, setTabHighlights, type BackgroundDeps } from './handlers';

/**
 * Keyboard commands and the context menu. `toggle-highlights` (Alt+Shift+H) flips the active
 * tab's highlights and remembers the choice for its site, without opening the popup;
 * `next-highlight` / `previous-highlight` (Alt+Shift+J / K) move the focus card in the page.
 */

/** The context-menu item id. */
export const ANNOTATE_MENU_ID = 'attribution-lens-annotate';

/** Flips the highlights in `tabId` (used by the command and the test hook). */
export async function toggleTab(deps: BackgroundDeps, tabId: number): Promise<boolean | null> {
  const state = await deps.store.get(tabId);
  if (!state) return null;
  const res = await setTabHighlights(deps, tabId, !state.highlightsOn, true);
  return res.ok && res.value ? res.value.highlightsOn : null;
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Handles a `commands.onCommand` event. */
export async function onCommand(deps: BackgroundDeps, command: string): Promise<void> {
  const tabId = await activeTabId();
  if (tabId === null) return;
  if (command === 'toggle-highlights') await toggleTab(deps, tabId);
  else if (command === 'next-highlight') await deps.sendToTab(tabId, 'focusHighlight', { direction: 1 });
  else if (command === 'previous-highlight') await deps.sendToTab(tabId, 'focusHighlight', { direction: -1 });
}

/** (Re)creates the context-menu item; call from `runtime.onInstalled`. */
export async function createContextMenu(): Promise<void> {
  const menus = (browser as unknown as { contextMenus?: typeof browser.contextMenus }).contextMenus;
  if (!menus) return;
  await menus.removeAll();
  menus.create({
    id: ANNOTATE_MENU_ID,
    title: 'Annotate this page',
    contexts: ['page', 'selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/** Wires the command and context-menu listeners (synchronously, at worker start). */
export function wireCommands(deps: BackgroundDeps): void {
  // NOTE: fakeBrowser (tests) and some builds have no `commands`; guard every optional API.
  const b = browser as unknown as Partial<typeof browser>;
  b.commands?.onCommand.addListener(command => {
    void onCommand(deps, command);
  });
  b.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ANNOTATE_MENU_ID || tab?.id === undefined) return;
    void annotateTab(deps, tab.id).then(res => {
      if (!res.ok) console.warn('[attribution-lens]', res.error);
    });
  });
}
