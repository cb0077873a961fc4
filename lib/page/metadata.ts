/**
 * Article metadata from a document: title, site, publication date, language, URL.
 * Read-only; each field tries the most explicit source first (JSON-LD, Open Graph, meta tags,
 * markup) and falls back to structure (`<h1>`, `<title>`, `<time>`, a dateline).
 */
import type { SourceInfo } from '../types';
import { parseDate, findProseDate } from './dates';
import { findArticleNode, readJsonLd, stringProp, type JsonLdNode } from './json-ld';

const DATE_METAS = [
  'article:published_time', 'og:published_time', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date',
  'citation_publication_date', 'datepublished', 'article.published', 'original-publish-date',
];

/** `<meta>` values by lower-cased `property`, `name` or `itemprop` (first one wins). */
export function readMetas(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    const content = m.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr);
      // `property` may hold several space-separated names.
      if (key) for (const k of key.toLowerCase().split(/\s+/)) if (k && !out.has(k)) out.set(k, content.trim());
    }
  }
  return out;
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 500) : null;
}

/** The main `<h1>`: the first one inside `<article>` or `<main>`, else the first on the page. */
export function mainHeading(doc: Document): Element | null {
  return doc.querySelector('article h1, main h1, h1[itemprop="headline"]') ?? doc.querySelector('h1');
}

const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' / ', ' · '];

/**
 * Splits "Headline | Site" into headline and site; the part kept is the longer one, unless
 * `known` (another title source) says which part is the headline.
 */
export function splitTitle(raw: string, known?: string | null): { title: string; site: string | null } {
  for (const sep of TITLE_SEPARATORS) {
    const i = raw.lastIndexOf(sep);
    if (i <= 0) continue;
    const head = raw.slice(0, i).trim();
    const tail = raw.slice(i + sep.length).trim();
    if (known && norm(head) === norm(known)) return { title: head, site: tail || null };
    if (tail.split(' ').length <= 5 && head.length > tail.length) return { title: head, site: tail || null };
  }
  return { title: raw, site: null };
}

/** ASCII and General Punctuation (dashes, curly quotes): no letter or digit outside a-z, 0-9. */
export const PLAIN = /^[\0-\x7f\u2000-\u206f]*$/;

/**
 * Text compared loosely: lower case, letters and digits only, single spaces. A plain text (the
 * usual English headline) skips the Unicode-property pattern, which costs ≈ 0.5 ms to compile on
 * its first use in a page, for the same result.
 */
export function norm(s: string): string {
  const lower = s.toLowerCase();
  return (PLAIN.test(lower) ? lower.replace(/[^a-z0-9]+/g, ' ') : lower.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

function readTitle(doc: Document, ld: JsonLdNode | null, metas: Map<string, string>): { title: string | null; titleSite: string | null } {
  const h1 = clean(mainHeading(doc)?.textContent);
  const docTitle = clean(doc.querySelector('title')?.textContent);
  const ogTitle = clean(metas.get('og:title') ?? metas.get('twitter:title'));
  const explicit = clean(stringProp(ld, 'headline')) ?? ogTitle;
  const split = docTitle ? splitTitle(docTitle, explicit ?? h1) : null;
  let title = explicit ?? h1 ?? split?.title ?? null;
  const site = split?.site;
  // og:title often repeats the site suffix of <title>.
  if (title && site) for (const sep of TITLE_SEPARATORS) if (title.endsWith(sep + site)) title = title.slice(0, -(sep + site).length).trim();
  return { title, titleSite: split?.site ?? null };
}

function readDate(doc: Document, ld: JsonLdNode | null, metas: Map<string, string>): string | null {
  const fromLd = parseDate(stringProp(ld, 'datePublished') ?? stringProp(ld, 'dateCreated'));
  if (fromLd) return fromLd;
  for (const k of DATE_METAS) {
    const d = parseDate(metas.get(k));
    if (d) return d;
  }
  const timeEl = doc.querySelector('article time[datetime], header time[datetime], time[pubdate], [itemprop="datePublished"]');
  const fromTime = parseDate(timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('content') ?? timeEl?.textContent);
  if (fromTime) return fromTime;
  const anyTime = doc.querySelector('time[datetime]');
  if (anyTime) return parseDate(anyTime.getAttribute('datetime')) ?? parseDate(anyTime.textContent);
  // A date-looking element near the headline ("<span class="date">").
  for (const el of Array.from(doc.querySelectorAll('[class*="date" i], [class*="time" i], [class*="byline" i]')).slice(0, 10)) {
    const d = parseDate((el.textContent ?? '').slice(0, 120));
    if (d) return d;
  }
  return null;
}

function readLanguage(doc: Document, metas: Map<string, string>): string | null {
  const raw = doc.documentElement?.getAttribute('lang') || metas.get('og:locale') || metas.get('content-language') || metas.get('language') || metas.get('dc.language');
  if (!raw) return null;
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?/i.exec(raw.trim());
  if (!m) return null;
  return m[2] ? `${m[1].toLowerCase()}-${m[2].toUpperCase()}` : m[1].toLowerCase();
}

function readUrl(doc: Document, metas: Map<string, string>, given: string | null | undefined): string | null {
  if (given) return given;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metas.get('og:url');
  return canonical && hostOf(canonical) ? canonical : null;
}

/**
 * Tells whether a heading's text is the page's headline, judged on what is cheap to read: the main
 * `<h1>`, `og:title`, `twitter:title` and `<title>` (whole, or without a site suffix). JSON-LD is
 * not parsed (on a news page it can be tens of kilobytes): the detector trims a repeated headline
 * from the text with this on the critical path to the first highlights, and the full extraction
 * trims with the same test, so both read the same text. The page is read on the first call only.
 */
export function headlineTest(doc: Document): (text: string) => boolean {
  let known: Set<string> | undefined;
  return text => {
    if (!known) {
      // In <head>: a missing key (twitter:title often is) would otherwise be looked for in every element.
      const meta = (key: string): string | null | undefined => (doc.head ?? doc).querySelector(`meta[property="${key}" i], meta[name="${key}" i]`)?.getAttribute('content');
      const title = doc.querySelector('title')?.textContent ?? '';
      const titles = [mainHeading(doc)?.textContent, meta('og:title'), meta('twitter:title'), title];
      for (const sep of TITLE_SEPARATORS) if (title.includes(sep)) titles.push(title.slice(0, title.lastIndexOf(sep)));
      known = new Set(titles.map(t => norm(t ?? '')).filter(Boolean));
    }
    return known.has(norm(text));
  };
}

/**
 * Reads the source metadata of a page. `published` falls back to a dateline in `text`
 * (the first 300 characters) when the markup has no date.
 * @param url the page's address when known (it wins over `<link rel=canonical>`).
 * @param text the extracted main text, for the dateline fallback.
 */
export function readMetadata(doc: Document, url?: string | null, text = ''): SourceInfo {
  const nodes = readJsonLd(doc);
  const ld = findArticleNode(nodes);
  const metas = readMetas(doc);
  const { title, titleSite } = readTitle(doc, ld, metas);
  const pageUrl = readUrl(doc, metas, url);
  const site = clean(metas.get('og:site_name')) ?? clean(stringProp(ld, 'publisher')) ?? titleSite ?? hostOf(pageUrl);
  const published = readDate(doc, ld, metas) ?? findProseDate(text.slice(0, 300));
  return { url: pageUrl, title, site, published, language: readLanguage(doc, metas) };
}
