import type { ActorType } from '../lib/types';
import { ACTOR_TYPES } from './ActorList';

/** A highlight category (same values as the settings' `HighlightCategory`). */
export type HighlightCategory = ActorType | 'claims';

/** Every highlight category with its label: the 7 actor types, then claims. */
export const CATEGORY_LABELS: readonly { id: HighlightCategory; label: string }[] = [
  ...ACTOR_TYPES.map(t => ({ id: t.type, label: t.label })),
  { id: 'claims', label: 'Claims (who blames, denies, condemns)' },
];

export interface CategoryPickerProps {
  value: Record<HighlightCategory, boolean>;
  onChange: (value: Record<HighlightCategory, boolean>) => void;
}

/** Checkboxes for the categories to highlight, each with its colour swatch. */
export function CategoryPicker({ value, onChange }: CategoryPickerProps) {
  return (
    <fieldset class="al-fieldset">
      <legend>Highlight these on the page</legend>
      <ul class="al-checks">
        {CATEGORY_LABELS.map(c => (
          <li key={c.id}>
            <label>
              <input
                type="checkbox"
                name="category"
                value={c.id}
                checked={value[c.id]}
                onChange={e => onChange({ ...value, [c.id]: e.currentTarget.checked })}
              />
              <span class="al-swatch" data-cat={c.id} aria-hidden="true" /> {c.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
