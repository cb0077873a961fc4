import type { ExtractedArticle } from '../../lib/types';
import type { ContentToBackground, PayloadOf, PopupToBackground } from '../../lib/messaging/protocol';

/**
 * Payload shape checks, one per method. A message whose payload fails its check is answered
 * with `{ ok: false, error: 'bad payload' }` and never reaches a handler.
 */

/** A type guard for the payload of method `M` of map `T`. */
export type Validators<T> = { [M in keyof T]: (p: unknown) => p is PayloadOf<T, M> };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 8192): v is string => typeof v === 'string' && v.length <= max;
const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isUrl = (v: unknown): v is string => isStr(v) && /^https?:\/\//i.test(v);
const isEmpty = (v: unknown): boolean => isObj(v) && Object.keys(v).length === 0;
const STATUSES = ['idle', 'analysing', 'not-article', 'not-relevant', 'done', 'disabled', 'error'];

/** Max article text accepted from a page (characters): 4 MB of text is far beyond any article. */
export const MAX_ARTICLE_CHARS = 4_000_000;

/** Shape check of an `ExtractedArticle` coming from a page. */
export function isExtractedArticle(v: unknown): v is ExtractedArticle {
  if (!isObj(v) || !isObj(v.source)) return false;
  const s = v.source;
  const strOrNull = (x: unknown): boolean => x === null || isStr(x);
  return (
    isStr(v.text, MAX_ARTICLE_CHARS) &&
    typeof v.detected === 'boolean' &&
    Array.isArray(v.detectReasons) &&
    v.detectReasons.length < 100 &&
    v.detectReasons.every(r => isStr(r, 500)) &&
    strOrNull(s.url) &&
    strOrNull(s.title) &&
    strOrNull(s.site) &&
    strOrNull(s.published) &&
    strOrNull(s.language)
  );
}

/** Validators for messages from content scripts. */
export const contentValidators: Validators<ContentToBackground> = {
  analyseArticle: (p): p is PayloadOf<ContentToBackground, 'analyseArticle'> =>
    isObj(p) && isUrl(p.url) && typeof p.forced === 'boolean' && isExtractedArticle(p.article),
  reportStatus: (p): p is PayloadOf<ContentToBackground, 'reportStatus'> =>
    isObj(p) &&
    isUrl(p.url) &&
    STATUSES.includes(p.status as string) &&
    (p.error === undefined || isStr(p.error, 2000)),
  getPageSettings: (p): p is PayloadOf<ContentToBackground, 'getPageSettings'> => isObj(p) && isUrl(p.url),
  requestArticleScript: (p): p is PayloadOf<ContentToBackground, 'requestArticleScript'> =>
    isObj(p) && isUrl(p.url) && Array.isArray(p.reasons) && p.reasons.length < 50 && p.reasons.every(r => isStr(r, 500)),
  prepareArticle: (p): p is PayloadOf<ContentToBackground, 'prepareArticle'> =>
    isObj(p) && isUrl(p.url) && isExtractedArticle(p.article),
  loadReadability: (p): p is PayloadOf<ContentToBackground, 'loadReadability'> => isEmpty(p),
  reportAnchoring: (p): p is PayloadOf<ContentToBackground, 'reportAnchoring'> =>
    isObj(p) && isUrl(p.url) && isTabId(p.anchored) && isTabId(p.missed),
};

/** Validators for messages from extension pages (popup, options). */
export const pageValidators: Validators<PopupToBackground> = {
  getTabState: (p): p is PayloadOf<PopupToBackground, 'getTabState'> => isObj(p) && isTabId(p.tabId),
  setHighlights: (p): p is PayloadOf<PopupToBackground, 'setHighlights'> =>
    isObj(p) && isTabId(p.tabId) && typeof p.on === 'boolean' && typeof p.remember === 'boolean',
  annotateTab: (p): p is PayloadOf<PopupToBackground, 'annotateTab'> => isObj(p) && isTabId(p.tabId),
  revealActor: (p): p is PayloadOf<PopupToBackground, 'revealActor'> =>
    isObj(p) && isTabId(p.tabId) && isStr(p.actorId, 300),
  getSettings: (p): p is PayloadOf<PopupToBackground, 'getSettings'> => isEmpty(p),
  // The settings object itself is validated by lib/storage/settings.ts#saveSettings.
  saveSettings: (p): p is PayloadOf<PopupToBackground, 'saveSettings'> => isObj(p) && isObj(p.settings),
  resetSettings: (p): p is PayloadOf<PopupToBackground, 'resetSettings'> => isEmpty(p),
};
