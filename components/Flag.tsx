/**
 * Flag emoji from an ISO 3166-1 alpha-2 code ("GB" → 🇬🇧), built from regional indicator
 * symbols, so no image or table ships. Returns '' for anything that is not two ASCII letters.
 * Also accepts the reserved "EU" and "UN", which have flags too.
 */
export function flagEmoji(code: string | null | undefined): string {
  if (!code || !/^[a-z]{2}$/i.test(code)) return '';
  const base = 0x1f1e6 - 'A'.charCodeAt(0);
  const upper = code.toUpperCase();
  return String.fromCodePoint(base + upper.charCodeAt(0), base + upper.charCodeAt(1));
}

/** Decorative flag next to a name that is always written out, so it is hidden from screen readers. */
export function Flag({ code }: { code: string | null | undefined }) {
  const flag = flagEmoji(code);
  if (!flag) return null;
  return (
    <span class="al-flag" aria-hidden="true">
      {flag}
    </span>
  );
}
