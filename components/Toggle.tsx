/** A labelled on/off switch: a real `<button role="switch">`, so keyboard and screen readers get it for free. */
export interface ToggleProps {
  id: string;
  checked: boolean;
  label: string;
  /** Extra line under the label, linked with aria-describedby. */
  description?: string;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** Switch with a visible label; `aria-checked` mirrors `checked`. */
export function Toggle({ id, checked, label, description, disabled, onChange }: ToggleProps) {
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
      onClick={() => onChange(!checked)}
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
