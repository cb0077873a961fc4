import { CATEGORY_LABELS } from './CategoryPicker';

/** A colour scheme (same values as the settings' `ColourScheme`). */
export type ColourScheme = 'default' | 'colour-blind' | 'high-contrast';

/** The colour schemes, with a line on what each is for. */
export const SCHEMES: readonly { id: ColourScheme; label: string; hint: string }[] = [
  { id: 'default', label: 'Default', hint: 'Soft colours, one per kind of actor.' },
  { id: 'colour-blind', label: 'Colour-blind safe', hint: 'The Okabe–Ito palette, told apart with common colour-vision deficiencies.' },
  { id: 'high-contrast', label: 'High contrast', hint: 'Strong, dark colours (bright ones on dark pages).' },
];

export interface SchemePickerProps {
  value: ColourScheme;
  onChange: (scheme: ColourScheme) => void;
}

/** Radio buttons for the colour scheme, and a live preview of its swatches. */
export function SchemePicker({ value, onChange }: SchemePickerProps) {
  return (
    <div class="al-scheme">
      <fieldset class="al-fieldset">
        <legend>Colour scheme</legend>
        <ul class="al-checks">
          {SCHEMES.map(s => (
            <li key={s.id}>
              <label>
                <input
                  type="radio"
                  name="scheme"
                  value={s.id}
                  checked={value === s.id}
                  onChange={() => onChange(s.id)}
                />{' '}
                {s.label} <span class="al-muted">— {s.hint}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <figure class="al-preview" data-scheme={value}>
        <figcaption>Preview</figcaption>
        <ul class="al-preview__list">
          {CATEGORY_LABELS.map(c => (
            <li key={c.id} class="al-preview__item" data-cat={c.id}>
              <span class="al-swatch" data-cat={c.id} aria-hidden="true" /> {c.label}
            </li>
          ))}
        </ul>
      </figure>
    </div>
  );
}
