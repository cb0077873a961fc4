import type { ComponentChildren } from 'preact';

/** A plain-words message in place of the summary, with an optional action. */
export interface EmptyStateProps {
  /** Short headline, e.g. "Not a news article". */
  title: string;
  children?: ComponentChildren;
  /** One button, e.g. "Annotate anyway". */
  action?: { label: string; onClick: () => void; busy?: boolean };
  /** `status` is announced politely (e.g. "Analysing…"); `alert` for errors. */
  role?: 'status' | 'alert';
  kind?: string;
}

/** Empty, waiting and error states of the popup. */
export function EmptyState({ title, children, action, role, kind }: EmptyStateProps) {
  return (
    <section class="al-empty" data-state={kind} role={role} aria-labelledby="al-empty-title">
      <h2 id="al-empty-title" class="al-empty__title">
        {title}
      </h2>
      {children && <div class="al-empty__body">{children}</div>}
      {action && (
        <button type="button" class="al-button al-button--primary" onClick={action.onClick} disabled={action.busy}>
          {action.busy ? 'Working…' : action.label}
        </button>
      )}
    </section>
  );
}
