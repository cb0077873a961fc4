/**
 * Main text without Readability: the largest cluster of `<p>` elements, or, for pages with
 * hardly any paragraphs, the page's text minus its navigation and boilerplate. Read-only.
 */
import { blockText, blockTextOf, type BlockText } from './block-text';

const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'MENU']);
const NEVER_CHROME = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'P']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'dialog']);
const CHROME_CLASS = /(?:^|[\s_-])(?:nav|navbar|menu|share|sharing|social|related|most-read|popular|trending|newsletter|subscribe|promo|advert|ad|ads|sidebar|footer|comments?|cookie|breadcrumbs?)(?:$|[\s_-])/i;

/** Is this element page furniture (navigation, boxes, footers, share buttons, forms)? */
export function isChrome(el: Element, tag = el.tagName.toUpperCase()): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  if (NEVER_CHROME.has(tag)) return false;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.id ?? ''}`;
  return cls.length < 300 && CHROME_CLASS.test(cls);
}

function inChrome(el: Element, stop: Element): boolean {
  let cur: Element | null = el;
  // Bounded climb: a hostile page can be 10,000 levels deep.
  for (let i = 0; cur && cur !== stop && i < 40; i++, cur = cur.parentElement) if (isChrome(cur)) return true;
  return false;
}

function textLen(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/**
 * The largest cluster of paragraphs: each `<p>` of 40+ characters scores its length for its
 * parent and half for its grandparent; the best container's non-chrome paragraphs are the text.
 */
export function paragraphCluster(doc: Document): BlockText | null {
  const ps = Array.from(doc.getElementsByTagName('p')).slice(0, 20_000);
  const scores = new Map<Element, number>();
  const lens = new Map<Element, number>();
  for (const p of ps) {
    const len = textLen(p);
    lens.set(p, len);
    if (len < 40) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + len);
    const gp = parent.parentElement;
    if (gp) scores.set(gp, (scores.get(gp) ?? 0) + len / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (s > bestScore && !inChrome(el, doc.documentElement)) {
      best = el;
      bestScore = s;
    }
  }
  if (!best) return null;
  const container = best;
  const members = Array.from(container.getElementsByTagName('p')).filter(p => (lens.get(p) ?? 0) > 0 && !inChrome(p, container));
  return members.length ? blockTextOf(members) : null;
}

/** The whole body's text without navigation, headers, footers, forms, asides and boxes. */
export function pageText(doc: Document): BlockText {
  const body = doc.body ?? doc.documentElement;
  return body ? blockText(body, { skip: isChrome }) : { text: '', blocks: [] };
}
