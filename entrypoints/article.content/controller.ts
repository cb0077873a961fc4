import type { ContentScriptContext } from '#imports';
import { isContextInvalidated, sendFromContent } from '../../lib/messaging/client';
import type { Settings } from '../../lib/messaging/protocol';
import type { ExtractedArticle } from '../../lib/types';
import { anchorInSlices } from '../../lib/page/anchor-slices';
import { completeSource, extractContainerTextInSlices, extractWithRegion, type ContainerText } from '../../lib/page/extract-core';
import { SLICE_MS } from '../../lib/page/steps';
import { elementProbe } from '../../lib/page/detect-elements';
import { readabilityIfLoaded, takeDrawing, takePrepared } from '../../lib/page/handoff';
import { anchorAhead, anchorIn } from '../../lib/page/anchor-ahead';
import {
  FLASH_NAME,
  createHighlighter,
  isDarkBackground,
  schemePrefix,
  type Highlighter,
} from '../../lib/page/highlighter';
import { mark, markPainted } from '../../lib/page/timing';
import { yieldToPage } from '../../lib/page/yield';
import { groupsOf, sameTargets, targetsOf } from '../../lib/page/targets';
import type { Entry } from './entries';
import { Interaction } from './interaction';

/**
 * The article script's work, one page at a time: extract (the detector's extraction of the live
 * article container when still valid, else the container read again, else Readability on a
 * clone, loaded on demand) → the background analyses (usually already done: the detector sent
 * the text ahead) → anchor the report's spans to live Ranges → highlight. Re-runs,
 * debounced and bounded, when the article region changes or the single-page app navigates;
 * every run takes an AbortSignal so a newer run cancels an older one.
 */

const RERUN_DEBOUNCE_MS = 600;
const MAX_RUNS_PER_MINUTE = 8;
const MIN_TEXT_CHANGE = 40;

export class ArticleController {
  private highlighter: Highlighter = createHighlighter(document);
  private readonly interaction: Interaction;
  private entries: Entry[] = [];
  private settings: Settings | null = null;
  private highlightsOn = true;
  private forced = false;
  private run: AbortController | null = null;
  private observer: MutationObserver | null = null;
  private region: Element | null = null;
  private regionLength = 0;
  private timer: number | undefined;
  private runTimes: number[] = [];
  private darkPage: boolean | null = null;

  constructor(private readonly ctx: ContentScriptContext) {
    this.interaction = new Interaction(ctx, () => this.highlighter);
    ctx.addEventListener(window, 'wxt:locationchange', () => this.schedule(true));
    ctx.onInvalidated(() => this.destroy());
  }

  /** The highlighter in use (tests read its mode). */
  get mode(): Highlighter['mode'] {
    return this.highlighter.mode;
  }

  /** Analyses the page now (cancelling a run in progress). `force` annotates even if not relevant. */
  async analyse(force = false): Promise<void> {
    this.forced ||= force;
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    this.runTimes = [...this.runTimes.filter(t => Date.now() - t < 60_000), Date.now()];
    try {
      await this.analyseOnce(run.signal);
    } catch (err) {
      if (isContextInvalidated(err) || this.ctx.isInvalid) return;
      console.error('[attribution-lens] analysis failed', err);
      void sendFromContent('reportStatus', { url: location.href, status: 'error', error: String(err) });
      // A later change of the page gets another run (bounded by MAX_RUNS_PER_MINUTE).
      if (!run.signal.aborted) this.observe(this.region);
    } finally {
      mark('al:done');
    }
  }

  private async analyseOnce(signal: AbortSignal): Promise<void> {
    // The injected script's evaluation and the extraction are separate tasks: the page gets
    // the main thread in between (no long task made of both).
    await yieldToPage();
    if (signal.aborted) return;
    const url = location.href;
    // The detector's first drawing, if it made one: its highlights are this script's from now on
    // (the next paint replaces or removes them), and its ranges serve while the page is unchanged.
    const drawing = takeDrawing();
    if (drawing) this.highlighter.adopt(drawing.names);
    // No settings round trip first: `analyseArticle` answers with the settings, refuses sites
    // that are turned off ('disabled') and knows whether the tab was forced, so the critical path
    // is one message (extract → analyse → anchor → highlight). The detector's extraction is taken
    // over with its source completed (it read the text only).
    const taken = takePrepared(url);
    const extracted = taken ? this.complete(taken) : await this.extract(url);
    if (signal.aborted || !extracted) return;
    const { article, region } = extracted;
    if (!article.text.trim()) {
      this.clear();
      void sendFromContent('reportStatus', { url, status: 'not-article' });
      return this.observe(null);
    }
    const early = taken && drawing?.url === url ? drawing : null;
    mark('al:analyse-start');
    const answer = sendFromContent('analyseArticle', { url, article, forced: this.forced });
    // While the background answers (usually with the report the detector's text started), the
    // live text index of the article container is built and the text normalised for anchoring,
    // unless the detector's ranges will do. Text from Readability's clone is searched in the
    // whole page: that index is built only if the answer asks to highlight.
    const root = region?.isConnected ? region : null;
    const ahead = root ? anchorAhead(root, article.text, !early) : null;
    const res = await answer;
    const changed = ahead?.stop() ?? false;
    mark('al:analyse-end');
    if (!res.ok && res.error === 'disabled') return this.clear();
    if (signal.aborted || !this.alive(res)) return;
    this.settings = res.value.settings;
    this.highlightsOn = res.value.highlightsOn;
    if (!res.value.annotate) {
      this.clear();
      return this.observe(null);
    }
    const t0 = performance.now();
    const targets = targetsOf(res.value.report);
    let ranges: (Range | null)[] | null;
    if (early && !changed && sameTargets(early.targets, targets)) ranges = early.ranges;
    else {
      const anchor = await (ahead ? ahead.take() : anchorIn(document.body, article.text));
      if (signal.aborted) return;
      ranges = await anchorInSlices(anchor, targets, () => signal.aborted);
      if (!ranges) return;
    }
    this.entries = [];
    ranges.forEach((range, i) => {
      const { group, item, actorId } = targets[i];
      if (range) this.entries.push({ range, group, item, actorId });
    });
    mark('al:highlight-start');
    this.paint();
    mark('al:highlight-end');
    // "Painted": the next frame's rendering update (style, layout, paint) follows its animation
    // frame callbacks in the same task; a message posted from the callback runs right after it.
    markPainted();
    console.debug(`[attribution-lens] ${this.entries.length}/${targets.length} spans anchored in ${(performance.now() - t0).toFixed(1)} ms (${this.highlighter.mode})`);
    void sendFromContent('reportAnchoring', { url, anchored: this.entries.length, missed: targets.length - this.entries.length });
    this.observe(this.entries.length ? regionOf(this.entries) : null);
  }

  /**
   * Reads the article from the page: its container in place, else with Readability (asked of
   * the background the first time: most news pages never need it). Null if the extension went
   * away meanwhile.
   */
  private async extract(url: string): Promise<{ article: ExtractedArticle; region: Element | null } | null> {
    mark('al:extract-start');
    // A huge container is read in slices that yield to the page.
    const live = await extractContainerTextInSlices(document, { url, probe: elementProbe }, SLICE_MS);
    let found: { article: ExtractedArticle; region: Element | null } | null = live && { article: completeSource(document, live), region: live.region };
    if (!found) {
      if (!readabilityIfLoaded()) {
        mark('al:readability-load');
        const loaded = await sendFromContent('loadReadability', {});
        if (!loaded.ok && (isContextInvalidated(loaded.error) || this.ctx.isInvalid)) return null;
        // Without it (a page that refuses scripts?) the paragraph fallbacks still find text.
      }
      found = extractWithRegion(document, { url, readability: readabilityIfLoaded(), probe: elementProbe });
    }
    mark('al:extract-end');
    return found;
  }

  /** The detector's extraction with its source completed (site, date, language). */
  private complete(taken: ContainerText): { article: ExtractedArticle; region: Element } {
    mark('al:complete-start');
    const article = completeSource(document, taken);
    mark('al:complete-end');
    return { article, region: taken.region };
  }

  /** True if the answer is usable; a dead extension context triggers quiet cleanup. */
  private alive<T>(res: { ok: true; value: T } | { ok: false; error: string }): res is { ok: true; value: T } {
    if (res.ok) return true;
    if (isContextInvalidated(res.error) || this.ctx.isInvalid) this.destroy();
    else if (res.error !== 'disabled') console.warn('[attribution-lens]', res.error);
    return false;
  }

  /** Draws (or removes) the highlights for the current entries, settings and toggle. */
  private paint(): void {
    if (!this.highlightsOn || !this.settings) {
      this.highlighter.clear();
      this.interaction.setEntries([]);
      return;
    }
    this.darkPage ??= isDarkBackground(this.entries[0]?.range.startContainer.parentElement ?? document.body);
    const prefix = schemePrefix(this.settings.scheme, this.darkPage);
    const groups = groupsOf(this.entries, this.settings);
    this.withoutObserving(() => this.highlighter.show(groups, prefix));
    const shown = new Set([...groups.values()].flat());
    this.interaction.setEntries(this.entries.filter(e => shown.has(e.range)));
  }

  /** Turns the highlights on or off (the popup switch, the keyboard command). */
  setHighlights(on: boolean): void {
    this.highlightsOn = on;
    this.paint();
  }

  /** New settings from the options page: scheme and categories. */
  applySettings(settings: Settings): void {
    this.settings = settings;
    this.paint();
  }

  /** Scrolls to the actor's first mention and flashes it for 1.5 s. */
  revealActor(actorId: string): boolean {
    const entry = this.entries.find(e => e.actorId === actorId);
    if (!entry) return false;
    this.interaction.reveal(entry.range, FLASH_NAME);
    this.withoutObserving(() => this.highlighter.showExtra(FLASH_NAME, [entry.range]));
    this.ctx.setTimeout(() => this.withoutObserving(() => this.highlighter.showExtra(FLASH_NAME, [])), 1500);
    return true;
  }

  /** Keyboard navigation between highlights. */
  focusHighlight(direction: 1 | -1): boolean {
    if (!this.highlightsOn) return false;
    let ok = false;
    this.withoutObserving(() => (ok = this.interaction.focusNext(direction)));
    return ok;
  }

  /** Watches the article region (or, with none yet, the main landmark) for changed text. */
  private observe(region: Element | null): void {
    this.observer?.disconnect();
    this.region = region ?? document.querySelector('article, main, [role="main"]') ?? document.body;
    this.regionLength = this.region.textContent?.length ?? 0;
    this.observer = new MutationObserver(() => this.schedule(false));
    this.observer.observe(this.region, { childList: true, subtree: true, characterData: true });
  }

  /** Re-analyses after the page settles; bounded to MAX_RUNS_PER_MINUTE. */
  private schedule(navigated: boolean): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      if (this.runTimes.filter(t => Date.now() - t < 60_000).length >= MAX_RUNS_PER_MINUTE) return;
      const length = this.region?.isConnected ? (this.region.textContent?.length ?? 0) : -1;
      if (!navigated && length >= 0 && Math.abs(length - this.regionLength) < MIN_TEXT_CHANGE) return;
      if (navigated) this.forced = false;
      void this.analyse();
    }, RERUN_DEBOUNCE_MS);
  }

  /** Our own fallback wrapping must not trigger a re-analysis. */
  private withoutObserving(fn: () => void): void {
    fn();
    this.observer?.takeRecords();
  }

  /** Removes highlights and cards (the page is no longer annotated). */
  clear(): void {
    this.entries = [];
    this.withoutObserving(() => this.highlighter.clear());
    this.interaction.setEntries([]);
  }

  /** Everything off: highlights, card, observers, timers, pending runs. */
  destroy(): void {
    this.run?.abort();
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.highlighter.clear();
    this.interaction.destroy();
    this.entries = [];
  }
}

/** The smallest element containing every anchored range: the article region to observe. */
function regionOf(entries: readonly Entry[]): Element | null {
  const first = entries.reduce((a, b) => (a.range.compareBoundaryPoints(Range.START_TO_START, b.range) <= 0 ? a : b));
  const last = entries.reduce((a, b) => (a.range.compareBoundaryPoints(Range.END_TO_END, b.range) >= 0 ? a : b));
  const span = document.createRange();
  span.setStart(first.range.startContainer, first.range.startOffset);
  span.setEnd(last.range.endContainer, last.range.endOffset);
  const common = span.commonAncestorContainer;
  return common.nodeType === 1 ? (common as Element) : common.parentElement;
}
