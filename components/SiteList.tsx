import { useState } from 'preact/hooks';

export interface SiteListProps {
  /** Used for ids and the accessible names of the controls. */
  id: string;
  sites: readonly string[];
  /** Extra words after each hostname, e.g. "highlights off". */
  describe?: (host: string) => string;
  onRemove: (host: string) => void;
  /** When given, a form to add a hostname; returns an error message (plain words) or null when added. */
  onAdd?: (input: string) => string | null;
  empty: string;
}

/** A list of hostnames with remove buttons and, optionally, a validated add form. */
export function SiteList({ id, sites, describe, onRemove, onAdd, empty }: SiteListProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!onAdd) return;
    const problem = onAdd(input);
    setError(problem);
    if (!problem) setInput('');
  };
  return (
    <div class="al-sites">
      {onAdd && (
        <form class="al-sites__add" onSubmit={submit} noValidate>
          <label for={`${id}-input`}>Site</label>
          <input
            id={`${id}-input`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={input}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={e => setInput(e.currentTarget.value)}
          />
          <button type="submit" class="al-button">
            Add
          </button>
          {error && (
            <p id={`${id}-error`} class="al-sites__error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      {sites.length === 0 ? (
        <p class="al-muted">{empty}</p>
      ) : (
        <ul class="al-sites__list" id={`${id}-list`}>
          {sites.map(host => (
            <li key={host}>
              <span class="al-sites__host">{host}</span>
              {describe && <span class="al-muted"> — {describe(host)}</span>}
              <button type="button" class="al-button al-sites__remove" aria-label={`Remove ${host}`} onClick={() => onRemove(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
