import { useEffect, useMemo, useState } from 'preact/hooks';
import { CategoryPicker } from '../../components/CategoryPicker';
import { SchemePicker } from '../../components/SchemePicker';
import { SiteList } from '../../components/SiteList';
import { Toggle } from '../../components/Toggle';
import type { Settings } from '../../lib/messaging/protocol';
import { parseHostInput } from './hosts';
import { OptionsModel, type OptionsModelInstance } from './model';

/** The options page: what to highlight, colours, defaults, sites, reset. */
export function App() {
  const model = useMemo(() => new OptionsModel(), []);
  useEffect(() => void model.load(), [model]);
  const settings = model.settings.value;
  useEffect(() => {
    if (settings) document.documentElement.dataset.scheme = settings.scheme;
  }, [settings?.scheme]);

  return (
    <div class="al-options">
      <header>
        <h1>Attribution Lens options</h1>
        <p class="al-muted">Changes are saved as you make them. Everything stays in this browser.</p>
      </header>
      {model.notice.value && (
        <p class="al-notice" role="status">
          {model.notice.value}
        </p>
      )}
      {model.error.value && (
        <p class="al-options__error" role="alert">
          {model.error.value}
        </p>
      )}
      {settings ? <Form model={model} settings={settings} /> : !model.error.value && <p role="status">Loading…</p>}
      <p class="al-options__status" role="status" aria-live="polite">
        {model.status.value}
      </p>
    </div>
  );
}

function Form({ model, settings }: { model: OptionsModelInstance; settings: Settings }) {
  const update = (change: (s: Settings) => Settings) => void model.update(change);
  const overrides = Object.keys(settings.sites).sort();
  const addNeverRun = (input: string): string | null => {
    const parsed = parseHostInput(input);
    if (!parsed.ok) return parsed.error;
    if (settings.neverRun.includes(parsed.host)) return `${parsed.host} is already in the list.`;
    update(s => ({ ...s, neverRun: [...s.neverRun, parsed.host].sort() }));
    return null;
  };
  return (
    <>
      <section aria-labelledby="opt-highlight">
        <h2 id="opt-highlight">What to highlight</h2>
        <CategoryPicker value={settings.categories} onChange={categories => update(s => ({ ...s, categories }))} />
      </section>
      <section aria-labelledby="opt-colours">
        <h2 id="opt-colours">Colours</h2>
        <SchemePicker value={settings.scheme} onChange={scheme => update(s => ({ ...s, scheme }))} />
      </section>
      <section aria-labelledby="opt-default">
        <h2 id="opt-default">On news articles</h2>
        <Toggle
          id="default-on"
          checked={settings.defaultOn}
          label="Highlight relevant articles automatically"
          description="Sites you switched on or off from the toolbar keep your choice (see below)."
          onChange={defaultOn => update(s => ({ ...s, defaultOn }))}
        />
      </section>
      <section aria-labelledby="opt-never">
        <h2 id="opt-never">Sites where it never runs</h2>
        <p class="al-muted">Attribution Lens won’t even look at pages on these sites or their subdomains.</p>
        <SiteList
          id="never-run"
          sites={settings.neverRun}
          empty="No sites yet."
          onAdd={addNeverRun}
          onRemove={host => update(s => ({ ...s, neverRun: s.neverRun.filter(h => h !== host) }))}
        />
      </section>
      <section aria-labelledby="opt-sites">
        <h2 id="opt-sites">Your choices per site</h2>
        <p class="al-muted">Set with the switch in the toolbar popup.</p>
        <SiteList
          id="site-overrides"
          sites={overrides}
          empty="No per-site choices yet."
          describe={host => (settings.sites[host] ? 'highlights on' : 'highlights off')}
          onRemove={host =>
            update(s => ({ ...s, sites: Object.fromEntries(Object.entries(s.sites).filter(([h]) => h !== host)) }))
          }
        />
      </section>
      <ResetSection onReset={() => void model.reset()} />
    </>
  );
}

function ResetSection({ onReset }: { onReset: () => void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="opt-reset">
      <h2 id="opt-reset">Reset</h2>
      {confirming ? (
        <div class="al-confirm" role="group" aria-labelledby="opt-reset-q">
          <p id="opt-reset-q">Reset every setting, including your site lists, to the defaults?</p>
          <button
            type="button"
            class="al-button al-button--danger"
            id="reset-confirm"
            onClick={() => {
              setConfirming(false);
              onReset();
            }}
          >
            Yes, reset everything
          </button>{' '}
          <button type="button" class="al-button" onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" class="al-button" id="reset" onClick={() => setConfirming(true)}>
          Reset to defaults…
        </button>
      )}
    </section>
  );
}
