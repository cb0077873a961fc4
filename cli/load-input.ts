/**
 * Reading one input of the annotator: a saved HTML file or an http(s) URL. Fetching a URL the
 * user passed is the CLI's only network use. Failures throw {@link InputError} with a reason
 * a user understands.
 */
import { readFile, stat } from 'node:fs/promises';

/** An input that cannot be annotated; `message` is the one-line reason. */
export class InputError extends Error {}

/** The HTML of one input, with the address to report (null for a file without one). */
export interface LoadedInput {
  html: string;
  url: string | null;
}

/** Inputs above this size are refused (a news page is well under 5 MB). */
export const MAX_BYTES = 30 * 1024 * 1024;
/** Network timeout per URL, in milliseconds. */
export const FETCH_TIMEOUT_MS = 15_000;

const HTML_TAG = /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|span|h[1-6]|a|br|table|ul)[\s>/]/i;

/**
 * Binary data (images, PDFs, archives): many control bytes, or NUL bytes without any HTML tag.
 * A stray NUL in an otherwise HTML page is tolerated (the parser replaces it).
 */
function looksBinary(head: Uint8Array): boolean {
  let controls = 0;
  let nul = false;
  for (const b of head) {
    if (b === 0) nul = true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) controls++;
  }
  if (controls > head.length * 0.1) return true;
  return nul && !HTML_TAG.test(new TextDecoder('latin1').decode(head));
}

/** Does the argument look like a URL (scheme://...) rather than a path? */
export function isUrl(arg: string): boolean {
  return /^[a-z][\d+.a-z-]*:\/\//i.test(arg);
}

function charsetOf(buf: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset=["']?([\w:.-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(buf.subarray(0, 4096));
  const fromMeta = /<meta[^>]{0,200}?charset=["']?([\w:.-]+)/i.exec(head)?.[1];
  return (fromHeader ?? fromMeta ?? 'utf-8').toLowerCase();
}

/** Bytes without a byte order mark to text: valid UTF-8 first, else the declared charset. */
function decodeBytes(buf: Uint8Array, contentType: string | null): string {
  try {
    // Valid UTF-8 is taken as UTF-8 whatever the page declares: saved pages are often
    // re-encoded to UTF-8 and keep their old <meta charset>.
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      return new TextDecoder(charsetOf(buf, contentType)).decode(buf);
    } catch {
      return new TextDecoder('windows-1252').decode(buf);
    }
  }
}

/** Decodes bytes as HTML, refusing what is clearly not HTML (binary, JSON, empty, plain text). */
export function decodeHtml(buf: Uint8Array, contentType: string | null = null): string {
  if (buf.length === 0) throw new InputError('empty file');
  if (buf.length > MAX_BYTES) throw new InputError(`too large (${Math.round(buf.length / 1048576)} MB; limit ${MAX_BYTES / 1048576} MB)`);
  // A byte order mark decides the encoding before anything else, as in browsers (UTF-16 pages
  // are full of NUL bytes and would otherwise look binary).
  const bom = buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le' : buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : null;
  if (!bom && looksBinary(buf.subarray(0, 8192))) throw new InputError('binary data, not HTML');
  const text = bom ? new TextDecoder(bom).decode(buf) : decodeBytes(buf, contentType);
  const start = text.slice(0, 2000).replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw new InputError('no content (only whitespace)');
  if (start[0] === '{' || start[0] === '[') {
    try {
      JSON.parse(text);
      throw new InputError('JSON, not HTML');
    } catch (e) {
      if (e instanceof InputError) throw e;
    }
  }
  if (!HTML_TAG.test(text.slice(0, 200_000))) throw new InputError('not HTML (no HTML tags found)');
  return text;
}

async function loadFile(path: string): Promise<LoadedInput> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`);
  }
  if (info.isDirectory()) throw new InputError('is a directory, not an HTML file');
  if (!info.isFile()) throw new InputError('not a regular file');
  if (info.size > MAX_BYTES) throw new InputError(`too large (${Math.round(info.size / 1048576)} MB; limit ${MAX_BYTES / 1048576} MB)`);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new InputError(`cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { html: decodeHtml(buf), url: null };
}

async function readCapped(res: Response): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > MAX_BYTES) throw new InputError(`too large (over ${MAX_BYTES / 1048576} MB)`);
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function loadUrl(arg: string): Promise<LoadedInput> {
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    throw new InputError('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`only http and https URLs are supported, not ${url.protocol}`);
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'text/html,application/xhtml+xml;q=0.9' } });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new InputError(`no answer within ${FETCH_TIMEOUT_MS / 1000} s`);
    throw new InputError(`unreachable (${err.cause?.code ?? err.message})`);
  }
  if (!res.ok) throw new InputError(`HTTP ${res.status} ${res.statusText}`.trim());
  const type = res.headers.get('content-type');
  if (type && !/^\s*(?:text\/html|application\/xhtml\+xml)/i.test(type)) throw new InputError(`not HTML (content-type ${type.split(';')[0]})`);
  try {
    return { html: decodeHtml(await readCapped(res), type), url: res.url || url.href };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`download failed (${(e as Error).message})`);
  }
}

/** Loads a file path or an http(s) URL as HTML text. @throws InputError */
export function loadInput(arg: string): Promise<LoadedInput> {
  return isUrl(arg) ? loadUrl(arg) : loadFile(arg);
}
