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
}

export interface ContentToBackground {
  /** The page's article was extracted; run the engine and keep the result for the tab. */
  analyseArticle(payload: { url: string; article: ExtractedArticle; forced: boolean }): Result<{
    report: Report;
    highlightsOn: boolean;
    settings: Settings;
  }>;
  /** Page status without analysis (not an article, disabled site, error). */
  reportStatus(payload: { url: string; status: TabStatus; error?: string }): Result<null>;
  /** Settings for this page's host. */
  getPageSettings(payload: { url: string }): Result<{ settings: Settings; highlightsOn: boolean; disabled: boolean }>;
}

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

export interface BackgroundToContent {
  setHighlights(payload: { on: boolean }): Result<null>;
  /** Run extraction and analysis even if the page was not detected. */
  annotate(payload: Record<string, never>): Result<null>;
  revealActor(payload: { actorId: string }): Result<null>;
  applySettings(payload: { settings: Settings }): Result<null>;
}
