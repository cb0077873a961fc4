import type { ContentToBackground, PopupToBackground, Result } from '../../lib/messaging/protocol';
import { errorText, isEnvelope } from '../../lib/messaging/client';
import type { ContentSender, Handlers } from './handlers';
import { contentValidators, pageValidators, type Validators } from './validate';

/**
 * Checks and dispatches every message the background receives:
 * 1. the envelope is ours (`al: 1`, known `from`, a method name);
 * 2. the sender: content messages must come from our extension (`sender.id`) inside a tab's top
 *    frame (`sender.tab.id`, an http(s) page); page messages must come from one of our extension
 *    pages (`sender.url` under `extensionOrigin`);
 * 3. the method exists in that direction's map and the payload passes its shape check.
 * Anything else is answered with `{ ok: false }` and logged once per kind.
 */

/** The subset of `runtime.MessageSender` we look at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** What the router needs to know about the extension itself. */
export interface RouterOptions {
  extensionId: string;
  /** `browser.runtime.getURL('')`, e.g. `chrome-extension://abc/`. */
  extensionOrigin: string;
  content: Handlers<ContentToBackground, ContentSender>;
  page: Handlers<PopupToBackground, null>;
}

const warned = new Set<string>();
function reject(kind: string, detail: string): Result<never> {
  if (!warned.has(kind)) {
    warned.add(kind);
    console.warn(`[attribution-lens] rejected message (${kind}): ${detail}`);
  }
  return { ok: false, error: `rejected: ${kind}` };
}

function hasMethod<T extends object>(validators: Validators<T>, method: string): method is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(validators, method);
}

/** Routes one message; resolves to the handler's Result, or a rejection Result. */
export async function routeMessage(message: unknown, sender: SenderInfo, opts: RouterOptions): Promise<Result<unknown>> {
  if (!isEnvelope(message)) return reject('not-ours', typeof message);
  const { from, method, payload } = message;
  if (sender.id !== opts.extensionId) return reject('foreign-sender', String(sender.id));
  try {
    if (from === 'content') {
      const tabId = sender.tab?.id;
      const url = sender.url ?? sender.tab?.url ?? '';
      if (tabId === undefined || tabId < 0 || sender.frameId !== 0 || !/^https?:/.test(url)) {
        return reject('content-sender', `${url} frame ${sender.frameId}`);
      }
      if (!hasMethod(contentValidators, method)) return reject('content-method', method);
      if (!contentValidators[method](payload)) return reject('content-payload', method);
      const handler = opts.content[method] as (p: unknown, s: ContentSender) => Promise<Result<unknown>>;
      return await handler(payload, { tabId, url });
    }
    if (from === 'page') {
      if (!sender.url?.startsWith(opts.extensionOrigin)) return reject('page-sender', String(sender.url));
      if (!hasMethod(pageValidators, method)) return reject('page-method', method);
      if (!pageValidators[method](payload)) return reject('page-payload', method);
      const handler = opts.page[method] as (p: unknown, s: null) => Promise<Result<unknown>>;
      return await handler(payload, null);
    }
    return reject('direction', from);
  } catch (err) {
    console.error(`[attribution-lens] handler ${method} failed`, err);
    return { ok: false, error: errorText(err) };
  }
}
