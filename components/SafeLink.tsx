import type { ComponentChildren } from 'preact';

/** The URL when it parses and its scheme is `https:`; null otherwise (no javascript:, data:, http:). */
export function httpsUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A link to an external official page, opened in a new tab without opener or referrer.
 * Anything but an `https:` URL renders its children as plain text, never as `<a>`.
 */
export function SafeLink({ href, children }: { href: string | null | undefined; children: ComponentChildren }) {
  const safe = httpsUrl(href);
  if (!safe) return <span class="al-nolink">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="al-sr-only"> (opens in a new tab)</span>
    </a>
  );
}
