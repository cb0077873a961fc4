import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { isEnvelope } from '../../lib/messaging/client';
import type { BackgroundToContent, Result } from '../../lib/messaging/protocol';
import { mark } from '../../lib/page/timing';
import { ArticleController } from './controller';

/**
 * The article script: injected by the background (never listed in the manifest) into pages the
 * detector found to be candidates, or on request ("Annotate this page"). DOM work only: the
 * engine and knowledge base stay in the background. `main` only wires things together; a second
 * injection invalidates the first instance (WXT's ContentScriptContext does that).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // WXT's "script started" notice stays a DOM event: no window.postMessage the page's own
  // message listeners would receive (and could read our extension id from).
  noScriptStartedPostMessage: true,
  registration: 'runtime',
  main(ctx) {
    mark('al:article-start');
    const controller = new ArticleController(ctx);
    const ok: Result<null> = { ok: true, value: null };
    const handlers: { [M in keyof BackgroundToContent]: (p: Parameters<BackgroundToContent[M]>[0]) => Result<null> } = {
      setHighlights: ({ on }) => (controller.setHighlights(on), ok),
      annotate: () => (void controller.analyse(true), ok),
      revealActor: ({ actorId }) => (controller.revealActor(actorId) ? ok : { ok: false, error: 'not on this page' }),
      applySettings: ({ settings }) => (controller.applySettings(settings), ok),
      focusHighlight: ({ direction }) =>
        controller.focusHighlight(direction === -1 ? -1 : 1) ? ok : { ok: false, error: 'no highlights' },
    };
    // Answers through `respond` (not a returned Promise): the native API of both browsers.
    const listener = (message: unknown, sender: { id?: string }, respond: (r: Result<null>) => void): undefined => {
      if (sender.id !== browser.runtime.id || !isEnvelope(message) || message.from !== 'background') return;
      const method = message.method as keyof BackgroundToContent;
      if (!Object.prototype.hasOwnProperty.call(handlers, method)) return;
      const payload = (typeof message.payload === 'object' && message.payload !== null ? message.payload : {}) as never;
      respond(handlers[method](payload));
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    // NOTE: WXT notices an extension reload or update only when something reads ctx.isValid; its
    // setInterval does on every tick, so an orphaned instance removes its highlights within 2 s.
    ctx.setInterval(() => undefined, 2000);
    void controller.analyse(false);
  },
});
