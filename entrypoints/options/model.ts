import { action, createModel, signal } from '@preact/signals';
import type { Settings } from '../../lib/messaging/protocol';
import { sendToBackground } from '../../lib/messaging/client';

/**
 * The options page's UI state. Every change is saved at once through the background, which
 * validates it; the stored value that comes back replaces the local copy.
 */
export const OptionsModel = createModel(() => {
  const settings = signal<Settings | null>(null);
  const notice = signal<string | null>(null);
  const error = signal<string | null>(null);
  /** Result of the last save, for the polite live region. */
  const status = signal<string>('');

  const load = action(async () => {
    const res = await sendToBackground('getSettings', {});
    if (!res.ok) {
      error.value = `Couldn’t load your settings: ${res.error}`;
      return;
    }
    error.value = null;
    settings.value = res.value;
    notice.value = res.value.notice ?? null;
  });

  const update = action(async (change: (s: Settings) => Settings) => {
    if (!settings.value) return;
    const next = change(settings.value);
    settings.value = next;
    status.value = 'Saving…';
    const { notice: _drop, ...toSave } = next;
    const res = await sendToBackground('saveSettings', { settings: toSave });
    if (!res.ok) {
      status.value = `Not saved: ${res.error}`;
      return;
    }
    settings.value = res.value;
    status.value = 'Saved.';
  });

  const reset = action(async () => {
    const res = await sendToBackground('resetSettings', {});
    if (!res.ok) {
      status.value = `Not reset: ${res.error}`;
      return;
    }
    settings.value = res.value;
    notice.value = null;
    status.value = 'All settings are back to their defaults.';
  });

  return { settings, notice, error, status, load, update, reset };
});

/** An instance of the options model. */
export type OptionsModelInstance = InstanceType<typeof OptionsModel>;
