/**
 * Hostname input for the "never run on" list: accepts "example.com", "www.example.com",
 * "https://example.com/news/…" (the hostname is kept) and "*.example.com"; lower-cases and
 * converts internationalised names to their ASCII (punycode) form, as `URL` does.
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/** The outcome of parsing a reader's input. */
export type HostInput = { ok: true; host: string } | { ok: false; error: string };

/** Parses and validates one hostname typed by the reader; the error is in plain words. */
export function parseHostInput(input: string): HostInput {
  const text = input.trim().replace(/^\*\./, '');
  if (!text) return { ok: false, error: 'Type a site name, such as example.com.' };
  if (/\s/.test(text)) return { ok: false, error: 'A site name has no spaces.' };
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return { ok: false, error: `“${text}” is not a site name. Try something like example.com.` };
  }
  host = host.replace(/\.$/, '').toLowerCase();
  if (IPV4.test(host) && host.split('.').every(n => Number(n) <= 255)) return { ok: true, host };
  const labels = host.split('.');
  if (host === 'localhost') return { ok: true, host };
  if (labels.length < 2 || !labels.every(l => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1])) {
    return { ok: false, error: `“${text}” is not a site name. Try something like example.com.` };
  }
  if (host.length > 253) return { ok: false, error: 'That site name is too long.' };
  return { ok: true, host };
}
