import { browser } from 'wxt/browser';
import type {
  BackgroundToContent,
  ContentToBackground,
  Envelope,
  MessageSender,
  PayloadOf,
  PopupToBackground,
  ResponseOf,
  Result,
} from './protocol';

/**
 * Typed senders for the three directions of `protocol.ts`. Every call resolves to a `Result`:
 * a transport failure (no receiver, extension reloaded, malformed answer) becomes
 * `{ ok: false, error }` instead of a rejected promise, so callers handle one shape.
 */

/** True if `value` is one of our envelopes (checked field by field; plain JSON only). */
export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.al === 1 &&
    (v.from === 'content' || v.from === 'page' || v.from === 'background') &&
    typeof v.method === 'string' &&
    v.method.length > 0 &&
    v.method.length < 64
  );
}

/** True if `value` looks like a `Result` (used to check answers from the other side). */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.ok === true && 'value' in v) || (v.ok === false && typeof v.error === 'string');
}

/** The text of an unknown thrown value. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** "Extension context invalidated" and friends: the extension was reloaded; clean up quietly. */
export function isContextInvalidated(err: unknown): boolean {
  return /context invalidated|Receiving end does not exist|message port closed/i.test(errorText(err));
}

function envelope(from: MessageSender, method: string, payload: unknown): Envelope {
  return { al: 1, from, method, payload };
}

async function settle<R>(promise: Promise<unknown>): Promise<R> {
  try {
    const answer = await promise;
    if (isResult(answer)) return answer as R;
    return { ok: false, error: 'no answer from the background' } as R;
  } catch (err) {
    return { ok: false, error: errorText(err) } as R;
  }
}

/**
 * From an extension page (popup, options, `popup.html?tabId=N` in a tab) to the background.
 *
 * @example const state = await sendToBackground('getTabState', { tabId: 12 });
 *          if (state.ok && state.value) render(state.value);
 */
export function sendToBackground<M extends keyof PopupToBackground>(
  method: M,
  payload: PayloadOf<PopupToBackground, M>,
): Promise<ResponseOf<PopupToBackground, M>> {
  return settle(browser.runtime.sendMessage(envelope('page', method, payload)));
}

/** From a content script (detector or article script) to the background. */
export function sendFromContent<M extends keyof ContentToBackground>(
  method: M,
  payload: PayloadOf<ContentToBackground, M>,
): Promise<ResponseOf<ContentToBackground, M>> {
  return settle(browser.runtime.sendMessage(envelope('content', method, payload)));
}

/** From the background to the article script in tab `tabId` (top frame only). */
export function sendToTab<M extends keyof BackgroundToContent>(
  tabId: number,
  method: M,
  payload: PayloadOf<BackgroundToContent, M>,
): Promise<ResponseOf<BackgroundToContent, M>> {
  return settle(browser.tabs.sendMessage(tabId, envelope('background', method, payload), { frameId: 0 }));
}
