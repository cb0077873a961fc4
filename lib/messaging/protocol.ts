import type { ExtractedArticle, Report } from '../types';

/**
 * Typed, plain-JSON messages between the three contexts. One map per direction; each key is a
 * method, its value `(payload) => response`. Expected failures travel as `Result`, never as
 * thrown Errors. The background checks `sender` for every message (see entrypoints/background).
 */

export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export type TabStatus =
  | 'idle' // nothing known yet
  | 'analysing'
  | 'not-article' // the page is not an article
  | 'not-relevant' // an article, but not about state cyber activity
  | 'done' // relevant article analysed (or annotated on request)
  | 'disabled' // the reader turned the extension off for this site
  | 'error';

/** What the background keeps per tab (mirrored to storage.session). */
export interface TabState {
  tabId: number;
  url: string;
  status: TabStatus;
  /** The full report; null until analysed. */
  report: Report | null;
  /** Highlights currently shown on the page. */
  highlightsOn: boolean;
  /** The reader asked to annotate a page that was not detected. */
  forced: boolean;
  error: string | null;
  /** How many report spans were anchored to the live page, and how many were not found. */
  anchoring: { anchored: number; missed: number } | null;
  updatedAt: number;
}

export type ColourScheme = 'default' | 'colour-blind' | 'high-contrast';
export type HighlightCategory =
  | 'state'
  | 'intergov'
  | 'agency'
  | 'official'
  | 'threat-group'
  | 'company'
  | 'person'
  | 'claims';

/** Reader settings (storage.local, versioned; see lib/storage). */
export interface Settings {
  version: number;
  /** Highlights on by default on relevant articles. */
  defaultOn: boolean;
  /** Per-site override of `defaultOn`, keyed by hostname. */
  sites: Record<string, boolean>;
  /** Hostnames where the extension never runs. */
  neverRun: string[];
  categories: Record<HighlightCategory, boolean>;
  scheme: ColourScheme;
  /**
   * Set by the background, never stored: why the stored settings could not be used as they were
   * (e.g. "Your settings were unreadable and have been reset to the defaults."). Null otherwise.
   */
  notice?: string | null;
}

/** What the content scripts are told about their page. */
export interface PageSettings {
  settings: Settings;
  /** Highlights shown on this page (site override, else the global default). */
  highlightsOn: boolean;
  /** The site is in `Settings.neverRun`: do nothing at all. */
  disabled: boolean;
  /** The reader asked to annotate this page even if it is not detected as relevant. */
  forced: boolean;
}

export interface ContentToBackground {
  /** The page's article was extracted; run the engine and keep the result for the tab. */
  analyseArticle(payload: { url: string; article: ExtractedArticle; forced: boolean }): Result<{
    /** What the page needs to highlight and to fill its cards (the popup reads the full report). */
    report: PageReport;
    /** Highlight this report: a relevant article, or one the reader asked to annotate. */
    annotate: boolean;
    highlightsOn: boolean;
    settings: Settings;
  }>;
  /** Page status without analysis (not an article, disabled site, error). */
  reportStatus(payload: { url: string; status: TabStatus; error?: string }): Result<null>;
  /** Settings for this page's host. */
  getPageSettings(payload: { url: string }): Result<PageSettings>;
  /**
   * The always-on detector found a candidate article: inject the article script into the tab
   * (unless the site is disabled). `injected` is false when the background declined.
   */
  requestArticleScript(payload: { url: string; reasons: string[] }): Result<{ injected: boolean }>;
  /**
   * The detector's extraction of the page's article container (its source has only the URL):
   * the background analyses it now and keeps the report for the `analyseArticle` with
   * the same text that follows from the article script. The answer is what the detector draws at
   * once: the report's actors and claims and the settings, when the article is relevant and its
   * highlights are on; `{ annotate: false }` when it is not relevant (the background has settled
   * the tab's state: the page needs no article script unless it changes); else null (the article
   * script decides).
   */
  prepareArticle(payload: { url: string; article: ExtractedArticle }): Result<PreparedAnswer>;
  /** The article script needs Readability (no clear article container): inject it. */
  loadReadability(payload: Record<string, never>): Result<null>;
  /** How many of the report's spans were anchored to the live DOM. */
  reportAnchoring(payload: { url: string; anchored: number; missed: number }): Result<null>;
}

/** What the detector draws at once on a relevant article: the report's actors and claims, the settings. */
export interface FirstDrawing {
  report: PageReport;
  settings: Settings;
}

/** The background's answer to the detector's `prepareArticle` (see there). */
export type PreparedAnswer = FirstDrawing | { annotate: false } | null;

export interface PopupToBackground {
  getTabState(payload: { tabId: number }): Result<TabState | null>;
  /** Turn highlights on or off on the tab; `remember` stores it for the tab's site. */
  setHighlights(payload: { tabId: number; on: boolean; remember: boolean }): Result<TabState | null>;
  /** Annotate a page that was not detected as relevant. */
  annotateTab(payload: { tabId: number }): Result<null>;
  /** Scroll the tab to the first mention of an actor and flash it. */
  revealActor(payload: { tabId: number; actorId: string }): Result<null>;
  getSettings(payload: Record<string, never>): Result<Settings>;
  saveSettings(payload: { settings: Settings }): Result<Settings>;
  resetSettings(payload: Record<string, never>): Result<Settings>;
}

/** The part of a report the page gets: actors and claims, with their offsets. */
export type PageReport = Pick<Report, 'actors' | 'claims'>;

export interface BackgroundToContent {
  setHighlights(payload: { on: boolean }): Result<null>;
  /** Run extraction and analysis even if the page was not detected. */
  annotate(payload: Record<string, never>): Result<null>;
  revealActor(payload: { actorId: string }): Result<null>;
  applySettings(payload: { settings: Settings }): Result<null>;
  /** Move keyboard focus to the next (1) or previous (-1) highlight and open its card. */
  focusHighlight(payload: { direction: 1 | -1 }): Result<null>;
}

/** Any of the three maps. */
export type ProtocolMap = ContentToBackground | PopupToBackground | BackgroundToContent;

/** Who sends a message; the background only accepts `content` and `page`. */
export type MessageSender = 'content' | 'page' | 'background';

/**
 * The wire format of every message: plain JSON. `al: 1` marks ours (and the wire version);
 * `from` says which map `method` belongs to (`content` → ContentToBackground,
 * `page` → PopupToBackground, `background` → BackgroundToContent).
 */
export interface Envelope {
  al: 1;
  from: MessageSender;
  method: string;
  payload: unknown;
}

/** The payload type of method `M` in map `T`. */
export type PayloadOf<T, M extends keyof T> = T[M] extends (payload: infer P) => unknown ? P : never;
/** The response type of method `M` in map `T` (always a `Result`). */
export type ResponseOf<T, M extends keyof T> = T[M] extends (payload: never) => infer R ? R : never;
