import { browser } from 'wxt/browser';
import type { TabState } from '../../lib/messaging/protocol';

/**
 * The toolbar badge: the number of claims on an analysed, relevant (or force-annotated) article,
 * and nothing anywhere else. MV3 has `action`, Firefox MV2 `browserAction`.
 */

/** The badge text for a tab state ('' = no badge). */
export function badgeText(state: TabState | null): string {
  if (!state || state.status !== 'done' || !state.report) return '';
  const n = state.report.claims.length;
  return n > 999 ? '999+' : String(n);
}

function actionApi(): typeof browser.action | undefined {
  // NOTE: in the Firefox MV2 build `browser.action` is undefined and `browserAction` has the same API.
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return b.action ?? b.browserAction;
}

/** Sets the tab's badge from its state; errors (tab already closed) are ignored. */
export async function updateBadge(tabId: number, state: TabState | null): Promise<void> {
  const action = actionApi();
  if (!action) return;
  try {
    const text = badgeText(state);
    if (text) await action.setBadgeBackgroundColor({ tabId, color: '#5b2a86' });
    await action.setBadgeText({ tabId, text });
  } catch {
    // The tab went away between the message and the badge update: nothing to show.
  }
}
