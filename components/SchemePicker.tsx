import { ACTOR_TYPES } from './ActorList';
import { CLAIM_KIND_LABELS } from './ClaimList';

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
                />
                <span>
                  {s.label} <span class="al-muted">— {s.hint}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <figure class="al-preview" data-scheme={value}>
        <figcaption>Preview: how highlights look on a page</figcaption>
        <ul class="al-preview__list" aria-label="Actors">
          {ACTOR_TYPES.map(t => (
            <li key={t.type} class="al-preview__item">
              <span class="al-mark" data-cat={t.type}>
                {t.label}
              </span>
            </li>
          ))}
        </ul>
        <ul class="al-preview__list" aria-label="Claims">
          {Object.entries(CLAIM_KIND_LABELS).map(([kind, label]) => (
            <li key={kind} class="al-preview__item">
              <span class="al-mark" data-kind={kind}>
                {label}
              </span>
            </li>
          ))}
        </ul>
      </figure>
    </div>
  );
}
