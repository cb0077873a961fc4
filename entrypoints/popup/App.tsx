import { useEffect, useMemo } from 'preact/hooks';
import { EmptyState } from '../../components/EmptyState';
import { Summary } from '../../components/Summary';
import { Toggle } from '../../components/Toggle';
import type { TabState } from '../../lib/messaging/protocol';
import { openOptions, optionsUrl } from './api';
import { PopupModel, type PopupModelInstance } from './model';

/** The popup screen for one tab (`tabId` null: no tab to describe). */
export function App({ tabId }: { tabId: number | null }) {
  const model = useMemo(() => new PopupModel(tabId), [tabId]);
  useEffect(() => {
    void model.refresh();
    void model.loadSettings();
  }, [model]);
  useEffect(() => {
    document.documentElement.dataset.scheme = model.scheme.value;
  }, [model.scheme.value]);

  const tab = model.tab.value;
  return (
    <div class="al-popup">
      <div class="al-bar">
        <p class="al-bar__brand">Attribution Lens</p>
        <a
          class="al-bar__options"
          href={optionsUrl()}
          target="_blank"
          rel="noopener"
          onClick={e => {
            e.preventDefault();
            void openOptions();
          }}
        >
          Options
        </a>
      </div>
      {model.notice.value && (
        <p class="al-notice" role="status">
          {model.notice.value}
        </p>
      )}
      <main class="al-main">
        <Body model={model} tab={tab} />
      </main>
      <p class="al-flash" role="status" aria-live="polite">
        {model.flash.value}
      </p>
    </div>
  );
}

function HighlightSwitch({ model, tab }: { model: PopupModelInstance; tab: TabState }) {
  const host = model.host.value;
  return (
    <div class="al-toggle-row">
      <Toggle
        id="highlight-toggle"
        checked={tab.highlightsOn}
        label="Highlights on this page"
        description={host ? `Remembered for ${host}` : undefined}
        busy={model.busy.value}
        onChange={on => void model.setHighlights(on)}
      />
    </div>
  );
}

function Body({ model, tab }: { model: PopupModelInstance; tab: TabState | null }) {
  const annotate = { label: 'Annotate this page', onClick: () => void model.annotate(), busy: model.busy.value };
  if (!model.loaded.value) return <EmptyState kind="loading" title="Analysing…" role="status" />;
  if (model.error.value) {
    return (
      <EmptyState
        kind="error"
        title="Something went wrong"
        role="alert"
        action={{ label: 'Try again', onClick: () => void model.refresh() }}
      >
        <p>{plainError(model.error.value)}</p>
      </EmptyState>
    );
  }
  if (!tab) {
    return (
      <EmptyState kind="unknown" title="Nothing analysed on this page" action={annotate}>
        <p>Attribution Lens looks at news pages as they load. Browser pages and web stores can’t be read.</p>
      </EmptyState>
    );
  }
  switch (tab.status) {
    case 'idle':
      return (
        <EmptyState kind="idle" title="Nothing analysed on this page yet" action={annotate}>
          <p>Attribution Lens looks at news pages as they load. If this is an article, you can ask for it now.</p>
        </EmptyState>
      );
    case 'analysing':
      return <EmptyState kind="analysing" title="Analysing…" role="status" />;
    case 'not-article':
      return (
        <EmptyState kind="not-article" title="Not a news article" action={annotate}>
          <p>This page doesn’t look like a news article, so nothing is highlighted.</p>
        </EmptyState>
      );
    case 'not-relevant':
      return (
        <EmptyState kind="not-relevant" title="No state cyber activity found — annotate anyway?" action={annotate}>
          <p>This article doesn’t seem to be about governments and state cyber activity.</p>
        </EmptyState>
      );
    case 'disabled':
      return (
        <EmptyState kind="disabled" title="This site is turned off">
          <p>
            Attribution Lens never runs on {model.host.value ?? 'this site'}. You can change this in the{' '}
            <a href={optionsUrl()} target="_blank" rel="noopener">
              options
            </a>
            .
          </p>
        </EmptyState>
      );
    case 'error':
      return (
        <EmptyState kind="error" title="Something went wrong" role="alert" action={annotate}>
          <p>{plainError(tab.error ?? 'The page could not be analysed.')}</p>
        </EmptyState>
      );
    case 'done':
      if (!tab.report) return <EmptyState kind="analysing" title="Analysing…" role="status" />;
      return (
        <>
          <HighlightSwitch model={model} tab={tab} />
          <Summary report={tab.report} onRevealActor={id => void model.revealActor(id)} />
        </>
      );
  }
}

/** Turns transport jargon into words a reader understands. */
function plainError(error: string): string {
  if (/receiving end does not exist|could not establish connection|no answer/i.test(error)) {
    return 'The extension’s background isn’t answering. Close this window and try again; if it persists, reload the page.';
  }
  if (/no tab/i.test(error)) return error;
  return `The page could not be analysed (${error}).`;
}
