/** A labelled on/off switch: a real `<button role="switch">`, so keyboard and screen readers get it for free. */
export interface ToggleProps {
  id: string;
  checked: boolean;
  label: string;
  /** Extra line under the label, linked with aria-describedby. */
  description?: string;
  disabled?: boolean;
  /** A change is in flight: clicks are ignored, but the switch keeps focus (unlike `disabled`). */
  busy?: boolean;
  onChange: (checked: boolean) => void;
}

/** Switch with a visible label; `aria-checked` mirrors `checked`. */
export function Toggle({ id, checked, label, description, disabled, busy, onChange }: ToggleProps) {
  const descId = description ? `${id}-desc` : undefined;
  return (
    <button
      type="button"
      id={id}
      class="al-switch"
      role="switch"
      aria-checked={checked ? 'true' : 'false'}
      aria-describedby={descId}
      disabled={disabled}
      aria-busy={busy ? 'true' : undefined}
      onClick={() => {
        if (!busy) onChange(!checked);
      }}
    >
      <span class="al-switch__track" aria-hidden="true">
        <span class="al-switch__thumb" />
      </span>
      <span class="al-switch__text">
        <span class="al-switch__label">{label}</span>
        {description && (
          <span id={descId} class="al-switch__desc al-muted">
            {description}
          </span>
        )}
      </span>
    </button>
  );
}
