import { action, computed, createModel, signal } from '@preact/signals';
import type { ColourScheme, TabState } from '../../lib/messaging/protocol';
import { sendToBackground } from './api';

/** How often, and how long, the popup re-asks while the page is still being analysed. */
const POLL_MS = 400;
const POLL_LIMIT = 75;

/**
 * The popup's UI state (one model per screen). `tabId` null means there is no tab to describe.
 * Transport failures and background errors end up in `error` as plain words.
 */
export const PopupModel = createModel((tabId: number | null) => {
  const tab = signal<TabState | null>(null);
  const loaded = signal(false);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const scheme = signal<ColourScheme>('default');
  const busy = signal(false);
  /** Short-lived message about the last action (e.g. reveal failed), announced politely. */
  const flash = signal<string | null>(null);
  let polls = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const host = computed(() => {
    try {
      return tab.value?.url ? new URL(tab.value.url).hostname : null;
    } catch {
      return null;
    }
  });

  const refresh = action(async () => {
    clearTimeout(timer);
    if (tabId === null) {
      error.value = 'There is no tab to describe.';
      loaded.value = true;
      return;
    }
    const res = await sendToBackground('getTabState', { tabId });
    loaded.value = true;
    if (!res.ok) {
      error.value = res.error;
      return;
    }
    error.value = null;
    tab.value = res.value;
    const pending = !res.value || res.value.status === 'idle' || res.value.status === 'analysing';
    if (pending && polls++ < POLL_LIMIT) timer = setTimeout(() => void refresh(), POLL_MS);
  });

  const loadSettings = action(async () => {
    const res = await sendToBackground('getSettings', {});
    if (!res.ok) return;
    scheme.value = res.value.scheme;
    notice.value = res.value.notice ?? null;
  });

  const setHighlights = action(async (on: boolean) => {
    if (tabId === null) return;
    busy.value = true;
    const res = await sendToBackground('setHighlights', { tabId, on, remember: true });
    busy.value = false;
    if (!res.ok) flash.value = `Couldn’t change the highlights: ${res.error}`;
    else if (res.value) tab.value = res.value;
  });

  const annotate = action(async () => {
    if (tabId === null) return;
    busy.value = true;
    const res = await sendToBackground('annotateTab', { tabId });
    busy.value = false;
    if (!res.ok) {
      flash.value = `Couldn’t annotate this page: ${res.error}`;
      return;
    }
    polls = 0;
    if (tab.value) tab.value = { ...tab.value, status: 'analysing' };
    timer = setTimeout(() => void refresh(), POLL_MS);
  });

  const revealActor = action(async (actorId: string) => {
    if (tabId === null) return;
    const res = await sendToBackground('revealActor', { tabId, actorId });
    flash.value = res.ok ? null : `Couldn’t show it on the page: ${res.error}`;
  });

  return { tab, loaded, error, notice, scheme, busy, flash, host, refresh, loadSettings, setHighlights, annotate, revealActor };
});

/** An instance of the popup model. */
export type PopupModelInstance = InstanceType<typeof PopupModel>;
