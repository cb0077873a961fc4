import type { TabState } from '../../lib/messaging/protocol';
import type { KeyValueArea } from '../../lib/storage/settings';

/**
 * Per-tab state: `Map<tabId, TabState>` in memory, mirrored to `storage.session` (key
 * `tab:<id>`) because an MV3 service worker can be stopped at any time and its memory lost.
 * After a restart the map is empty; `get` falls back to the session copy.
 */

/** A storage area that can also remove keys (storage.session, or a fake in tests). */
export interface SessionArea extends KeyValueArea {
  remove(key: string): Promise<void>;
}

/** A blank state for a tab that has just (re)loaded `url`. */
export function blankTabState(tabId: number, url: string): TabState {
  return {
    tabId,
    url,
    status: 'idle',
    report: null,
    highlightsOn: true,
    forced: false,
    error: null,
    anchoring: null,
    updatedAt: Date.now(),
  };
}

const key = (tabId: number): string => `tab:${tabId}`;

/** The store; `session` is null where no session storage exists (memory only). */
export class TabStateStore {
  private readonly tabs = new Map<number, TabState>();

  constructor(private readonly session: SessionArea | null) {}

  /** The tab's state, from memory or (after a worker restart) from session storage. */
  async get(tabId: number): Promise<TabState | null> {
    const known = this.tabs.get(tabId);
    if (known) return known;
    if (!this.session) return null;
    try {
      const stored = (await this.session.get(key(tabId)))[key(tabId)];
      if (isTabState(stored) && stored.tabId === tabId) {
        this.tabs.set(tabId, stored);
        return stored;
      }
    } catch (err) {
      console.warn('[attribution-lens] could not read session state', err);
    }
    return null;
  }

  /**
   * Brings the tab's state from storage.session into memory if it is not there. Callers then read
   * and write `tabs` in one synchronous step, so concurrent updates never lose one another's fields.
   */
  private async load(tabId: number): Promise<void> {
    if (!this.tabs.has(tabId)) await this.get(tabId);
  }

  /**
   * Applies `patch` in memory. The read of the current state and the write of the new one happen
   * in one synchronous step (after loading it from storage.session if needed), so two updates
   * that interleave never lose one another's fields.
   */
  private async apply(tabId: number, url: string, patch: Partial<Omit<TabState, 'tabId'>>): Promise<TabState> {
    await this.load(tabId);
    const current = this.tabs.get(tabId) ?? blankTabState(tabId, url);
    const next: TabState = { ...current, ...patch, tabId, updatedAt: Date.now() };
    this.tabs.set(tabId, next);
    return next;
  }

  /** Applies `patch` to the tab's state (creating a blank one for `url` first if needed). */
  async update(tabId: number, url: string, patch: Partial<Omit<TabState, 'tabId'>>): Promise<TabState> {
    const next = await this.apply(tabId, url, patch);
    await this.persist(next);
    return next;
  }

  /**
   * {@link update}, resolving as soon as the memory copy is set (what `get` and the popup read);
   * `persisted` settles once storage.session has it. The copy is written in a later task, so an
   * answer sent now is not held up by serialising a large report into session storage; it
   * writes the tab's state as it is then (a newer state, if one came meanwhile).
   */
  async updateInMemory(
    tabId: number,
    url: string,
    patch: Partial<Omit<TabState, 'tabId'>>,
  ): Promise<{ state: TabState; persisted: Promise<void> }> {
    const state = await this.apply(tabId, url, patch);
    const persisted = new Promise<void>(resolve => setTimeout(resolve, 0)).then(() => {
      const latest = this.tabs.get(tabId);
      return latest ? this.persist(latest) : undefined;
    });
    return { state, persisted };
  }

  /** Replaces the tab's state with a blank one (a new page was loaded). */
  async reset(tabId: number, url: string, patch: Partial<Omit<TabState, 'tabId'>> = {}): Promise<TabState> {
    const next: TabState = { ...blankTabState(tabId, url), ...patch };
    this.tabs.set(tabId, next);
    await this.persist(next);
    return next;
  }

  /**
   * {@link reset}, unless the tab already has a state for `url` updated at or after `since` (the
   * new page's scripts reported first). The check and the write are one synchronous step, after
   * loading the tab's state if needed: an update that lands while it loads is seen, not lost.
   * Null if nothing was reset.
   */
  async resetUnlessNewer(tabId: number, url: string, since: number, patch: Partial<Omit<TabState, 'tabId'>> = {}): Promise<TabState | null> {
    await this.load(tabId);
    const current = this.tabs.get(tabId);
    if (current && current.url === url && current.updatedAt >= since) return null;
    return this.reset(tabId, url, patch);
  }

  /** Forgets the tab (closed). */
  async remove(tabId: number): Promise<void> {
    this.tabs.delete(tabId);
    try {
      await this.session?.remove(key(tabId));
    } catch (err) {
      console.warn('[attribution-lens] could not clear session state', err);
    }
  }

  /** Drops the in-memory copy only: what a service-worker restart does (tests use it). */
  forgetMemory(): void {
    this.tabs.clear();
  }

  private async persist(state: TabState): Promise<void> {
    try {
      await this.session?.set({ [key(state.tabId)]: state });
    } catch (err) {
      // NOTE: storage.session has a 10 MB quota in Chrome; a huge report may not fit. The state
      // stays in memory and the popup still works until the worker stops.
      console.warn('[attribution-lens] could not mirror tab state to storage.session', err);
    }
  }
}

/** Shape check for a stored TabState. */
export function isTabState(value: unknown): value is TabState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.tabId === 'number' &&
    typeof v.url === 'string' &&
    typeof v.status === 'string' &&
    typeof v.highlightsOn === 'boolean' &&
    typeof v.forced === 'boolean'
  );
}
