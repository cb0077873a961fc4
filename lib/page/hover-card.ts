import type { Actor, Claim } from '../types';

/**
 * The hover/focus card: a `<al-card>` host appended to `<html>` only while a card is shown
 * (removed on close, so the page's DOM is unchanged when no card is open), with an open shadow
 * root whose `:host { all: initial }` keeps page styles out. Built with DOM APIs and
 * `textContent` only: page-derived text never reaches an HTML parser.
 */

/** What a card describes. `names` maps actor ids to canonical names (for claims). */
export type CardItem = { kind: 'actor'; actor: Actor } | { kind: 'claim'; claim: Claim; names: ReadonlyMap<string, string> };

const TYPE_LABEL: Record<Actor['type'], string> = {
  state: 'State',
  intergov: 'Intergovernmental body',
  agency: 'Government agency',
  official: 'Official',
  'threat-group': 'Threat group',
  company: 'Company',
  person: 'Person',
};
const KIND_LABEL: Record<Claim['kind'], string> = {
  attribution: 'Attribution',
  denial: 'Denial',
  condemnation: 'Condemnation',
  call: 'Call to act',
  assessment: 'Assessment',
};

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483647; display: block; }
.card { box-sizing: border-box; max-width: 340px; min-width: 220px; padding: 10px 12px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f;
  background: #fff; border: 1px solid #8a8a8f; border-radius: 8px;
  box-shadow: 0 4px 18px rgba(0,0,0,.25); }
.card:focus { outline: 2px solid #5b2a86; outline-offset: 2px; }
.kind { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #4a4a50; margin: 0; }
.name { font-size: 15px; font-weight: 600; margin: 2px 0 6px; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; }
dt { color: #4a4a50; } dd { margin: 0; overflow-wrap: anywhere; }
button { all: unset; position: absolute; top: 4px; right: 8px; cursor: pointer; font-size: 16px;
  color: #4a4a50; padding: 0 4px; border-radius: 4px; }
button:focus-visible { outline: 2px solid #5b2a86; }
@media (prefers-color-scheme: dark) {
  .card { color: #f2f2f5; background: #202024; border-color: #6e6e76; }
  .kind, dt, button { color: #c4c4cc; }
  .card:focus, button:focus-visible { outline-color: #c9a6ff; }
}`;

function percent([lo, hi]: [number, number]): string {
  const p = (x: number): string => `${Math.round(x * 100)}%`;
  return lo === hi ? p(lo) : `${p(lo)}–${p(hi)}`;
}

/** The card's rows for an item: `[label, value]`, plus its kind line and title. */
export function cardContent(item: CardItem): { kind: string; title: string; rows: [string, string][] } {
  if (item.kind === 'actor') {
    const a = item.actor;
    const rows: [string, string][] = [];
    const aliases = a.aliases.filter(x => x !== a.name);
    if (aliases.length) rows.push(['Also', aliases.slice(0, 6).join(', ')]);
    if (a.country) rows.push(['Country', a.country]);
    if (a.kb) rows.push([a.kb.startsWith('mitre:') ? 'ATT&CK' : 'Reference', a.kb.replace(/^mitre:/, '')]);
    rows.push(['Mentions', String(a.mentions.length)]);
    return { kind: TYPE_LABEL[a.type] ?? a.type, title: a.name, rows };
  }
  const c = item.claim;
  const name = (id: string | null): string => (id ? (item.names.get(id) ?? id) : 'unnamed');
  const rows: [string, string][] = [
    ['Who', `${name(c.claimant)} → ${c.accused.length ? c.accused.map(name).join(', ') : '—'}`],
    ['Quote', c.quote ? 'yes, in quotation marks' : 'no'],
  ];
  if (c.confidence) {
    const { phrase, scale, term, probability } = c.confidence;
    rows.push(['Wording', `“${phrase}”`]);
    rows.push(['Scale', `${scale}${term ? `: ${term}` : ''}, ${percent(probability)}`]);
  }
  return { kind: 'Claim', title: KIND_LABEL[c.kind] ?? c.kind, rows };
}

/** One card at a time for one document. */
export class HoverCard {
  private host: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  /** Called after the card closes (Escape, close button, `hide`). */
  onClose: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  /** Is a card on screen? */
  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Does `target` belong to the card (pointer over the card keeps it open)? */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /** Shows `item` next to `anchor` (viewport coordinates); `focus` moves keyboard focus into it. */
  show(item: CardItem, anchor: DOMRect, focus: boolean): void {
    this.hide(false);
    const { kind, title, rows } = cardContent(item);
    const host = this.doc.createElement('al-card');
    const root = host.attachShadow({ mode: 'open' });
    this.style(root);
    const card = this.doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', `${kind}: ${title}`);
    card.tabIndex = -1;
    const k = this.doc.createElement('p');
    k.className = 'kind';
    k.textContent = kind;
    const t = this.doc.createElement('p');
    t.className = 'name';
    t.textContent = title;
    const dl = this.doc.createElement('dl');
    for (const [label, value] of rows) {
      const dt = this.doc.createElement('dt');
      dt.textContent = label;
      const dd = this.doc.createElement('dd');
      dd.textContent = value;
      dl.append(dt, dd);
    }
    const close = this.doc.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.textContent = '×';
    close.addEventListener('click', () => this.hide());
    card.append(close, k, t, dl);
    root.append(card);
    this.place(host, anchor);
    this.doc.documentElement.append(host);
    this.host = host;
    if (focus) {
      this.returnFocus = this.doc.activeElement;
      card.focus({ preventScroll: true });
    }
  }

  /** Removes the card (and its host element); `restoreFocus` returns focus where it was. */
  hide(restoreFocus = true): void {
    if (!this.host) return;
    this.host.remove();
    this.host = null;
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (restoreFocus && back && typeof back.focus === 'function') back.focus({ preventScroll: true });
    this.onClose?.();
  }

  private style(root: ShadowRoot): void {
    // Constructed sheets are not subject to the page's CSP style-src; where adopting fails
    // (cross-compartment sheets in some Firefox versions) a <style> in our own shadow root works.
    try {
      const sheet = new (this.doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = this.doc.createElement('style');
      style.textContent = CSS;
      root.append(style);
    }
  }

  private place(host: HTMLElement, anchor: DOMRect): void {
    const view = this.doc.defaultView;
    const vw = view?.innerWidth ?? 1024;
    const vh = view?.innerHeight ?? 768;
    const left = Math.max(8, Math.min(anchor.left, vw - 350));
    const below = anchor.bottom + 6;
    const top = below + 160 > vh && anchor.top > 180 ? Math.max(8, anchor.top - 166) : below;
    host.style.setProperty('left', `${Math.round(left)}px`);
    host.style.setProperty('top', `${Math.round(top)}px`);
  }
}
