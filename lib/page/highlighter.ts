import type { ColourScheme } from '../messaging/protocol';

/**
 * Paints Ranges. With the CSS Custom Highlight API (Chromium 105+, Firefox 140+) nothing is
 * added to the page: ranges are registered in `CSS.highlights` under prefixed names whose
 * `::highlight()` rules ship in assets/highlights.css. Without it, text is wrapped in
 * `<al-mark class="…">` elements (whitespace-only runs skipped) that `clear()` removes again,
 * restoring the original text nodes (no `normalize()`, which could merge the page's own nodes).
 */

/** `al-`, `al-dk-` (default on a dark page), `al-cb-` (colour-blind safe), `al-hc-`. */
export type SchemePrefix = 'al-' | 'al-dk-' | 'al-cb-' | 'al-hc-';

/** Ranges per base name, e.g. `actor-state`, `claim-denial` (prefix added by the highlighter). */
export type HighlightGroups = Map<string, Range[]>;

/** Registry names that are not scheme-dependent. */
export const FLASH_NAME = 'al-flash';
export const FOCUS_NAME = 'al-focus';

/** Highlight priorities: a focused/flashed highlight wins over an actor tint over a claim line. */
const PRIORITY = { claim: 1, actor: 2, flash: 3 } as const;

/** The registry prefix for a scheme on a light or dark page. */
export function schemePrefix(scheme: ColourScheme, darkPage: boolean): SchemePrefix {
  if (scheme === 'colour-blind') return 'al-cb-';
  if (scheme === 'high-contrast') return 'al-hc-';
  return darkPage ? 'al-dk-' : 'al-';
}

function parseRgb(colour: string): [number, number, number, number] | null {
  const m = /^rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\)$/.exec(colour.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
}

/** What {@link isDarkBackground} said for an element (read ahead of time). */
export interface KnownBackground {
  el: Element;
  dark: boolean;
}

/**
 * Is the first opaque background behind `el` (walking up to the root) dark? One style read per
 * level; the walk stops at `known`'s element if it passes it, with the answer read there before.
 */
export function isDarkBackground(el: Element | null, known?: KnownBackground): boolean {
  for (let cur = el; cur; cur = cur.parentElement) {
    if (known && cur === known.el) return known.dark;
    const rgb = parseRgb(getComputedStyle(cur).backgroundColor);
    if (rgb && rgb[3] > 0.5) {
      const [r, g, b] = rgb.map(v => v / 255);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
    }
  }
  return false;
}

/** Does this window support the CSS Custom Highlight API? */
export function hasHighlightApi(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

/** Paints groups of ranges; one instance per page. */
export interface Highlighter {
  readonly mode: 'css-highlight' | 'fallback';
  /** Replaces everything shown with `groups` under `prefix`. */
  show(groups: HighlightGroups, prefix: SchemePrefix): void;
  /** Shows `ranges` under a fixed name (`al-flash`, `al-focus`); empty array removes it. */
  showExtra(name: string, ranges: Range[]): void;
  /** Removes everything this highlighter added. */
  clear(): void;
  /**
   * Takes over highlights registered under `names` by another script of ours (the detector's
   * first drawing): the next `show` or `clear` replaces or removes them.
   */
  adopt(names: readonly string[]): void;
}

/**
 * Registers `groups` in `CSS.highlights` under `prefix` (the API must be there) and returns the
 * names used. The highlighter's `show` and the detector's first drawing both go through it.
 */
export function registerGroups(win: Window & typeof globalThis, groups: HighlightGroups, prefix: SchemePrefix): string[] {
  const names: string[] = [];
  for (const [base, ranges] of groups) {
    if (!ranges.length) continue;
    register(win, prefix + base, ranges, base.startsWith('claim-') ? PRIORITY.claim : PRIORITY.actor);
    names.push(prefix + base);
  }
  return names;
}

/** Registers `ranges` in `CSS.highlights` under `name` (replacing what was there). */
function register(win: Window & typeof globalThis, name: string, ranges: Range[], priority: number): void {
  const h = new win.Highlight(...ranges);
  h.priority = priority;
  win.CSS.highlights.set(name, h);
}

/** A highlighter for `doc`, with the API when present, else the `<al-mark>` fallback. */
export function createHighlighter(doc: Document, forceFallback = false): Highlighter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!forceFallback && win && hasHighlightApi(win)) return apiHighlighter(win);
  return markHighlighter(doc);
}

function apiHighlighter(win: Window & typeof globalThis): Highlighter {
  const names = new Set<string>();
  const api: Highlighter = {
    mode: 'css-highlight',
    show(groups, prefix) {
      for (const name of [...names]) {
        if (name !== FLASH_NAME && name !== FOCUS_NAME) {
          win.CSS.highlights.delete(name);
          names.delete(name);
        }
      }
      for (const name of registerGroups(win, groups, prefix)) names.add(name);
    },
    showExtra(name, ranges) {
      if (ranges.length) {
        register(win, name, ranges, PRIORITY.flash);
        names.add(name);
      }
      else {
        win.CSS.highlights.delete(name);
        names.delete(name);
      }
    },
    clear() {
      for (const name of names) win.CSS.highlights.delete(name);
      names.clear();
    },
    adopt(adopted) {
      for (const name of adopted) names.add(name);
    },
  };
  return api;
}

interface Split {
  original: Text;
  pieces: Text[];
}

type Offsets = [number, number][];

/**
 * Ranges as character offsets over all text nodes of the body. Wrapping moves text nodes, which
 * collapses live ranges pointing into them; offsets survive because wrapping and unwrapping never
 * change the text itself.
 */
function toOffsets(doc: Document, ranges: Range[]): ([number, number] | null)[] {
  const at = new Map<Node, number>();
  let total = 0;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 0x4);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    at.set(n, total);
    total += n.data.length;
  }
  return ranges.map(r => {
    const s = at.get(r.startContainer);
    const e = at.get(r.endContainer);
    return s !== undefined && e !== undefined ? [s + r.startOffset, e + r.endOffset] : null;
  });
}

function fromOffsets(doc: Document, offsets: Offsets): (Range | null)[] {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let total = 0;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 0x4);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    nodes.push(n);
    starts.push(total);
    total += n.data.length;
  }
  const find = (pos: number, end: boolean): [Text, number] | null => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] < pos || (!end && starts[mid] === pos)) lo = mid;
      else hi = mid - 1;
    }
    return nodes[lo] ? [nodes[lo], pos - starts[lo]] : null;
  };
  const out: (Range | null)[] = [];
  for (const [s, e] of offsets) {
    const a = find(s, false);
    const b = find(e, true);
    if (!a || !b || b[1] > b[0].data.length) {
      out.push(null);
      continue;
    }
    const r = doc.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    out.push(r);
  }
  return out;
}

function markHighlighter(doc: Document): Highlighter {
  let marks: Element[] = [];
  let splits: Split[] = [];
  // class name -> the caller's Range objects and their text offsets
  const shown = new Map<string, { ranges: Range[]; offsets: Offsets }>();
  let schemeNames: string[] = [];

  const unwrap = (): void => {
    for (const mark of marks) mark.replaceWith(...Array.from(mark.childNodes));
    for (const { original, pieces } of splits) {
      original.data = pieces.map(p => p.data).join('');
      for (const p of pieces) if (p !== original) p.remove();
    }
    marks = [];
    splits = [];
  };

  const wrap = (classed: [Range, string][]): void => {
    const perNode = new Map<Text, { cuts: Set<number>; spans: [number, number, string][] }>();
    for (const [range, cls] of classed) {
      for (const [node, s, e] of textSegments(doc, range)) {
        let entry = perNode.get(node);
        if (!entry) perNode.set(node, (entry = { cuts: new Set([0, node.data.length]), spans: [] }));
        entry.cuts.add(s).add(e);
        entry.spans.push([s, e, cls]);
      }
    }
    for (const [node, { cuts, spans }] of perNode) {
      const points = [...cuts].sort((a, b) => a - b);
      const pieces: Text[] = [node];
      // Split from the end so earlier offsets stay valid; pieces[k] covers [points[k], points[k+1]).
      for (let i = points.length - 2; i > 0; i--) pieces.splice(1, 0, node.splitText(points[i]));
      splits.push({ original: node, pieces });
      pieces.forEach((piece, k) => {
        const classes = spans.filter(([s, e]) => s <= points[k] && points[k + 1] <= e).map(([, , c]) => c);
        if (!classes.length || !/\S/.test(piece.data)) return;
        const mark = doc.createElement('al-mark');
        mark.className = [...new Set(classes)].join(' ');
        piece.replaceWith(mark);
        mark.appendChild(piece);
        marks.push(mark);
      });
    }
  };

  const render = (): void => {
    unwrap();
    const classed: [Range, string][] = [];
    for (const [name, { offsets }] of shown) for (const r of fromOffsets(doc, offsets)) if (r) classed.push([r, name]);
    wrap(classed);
    // Wrapping collapsed the caller's live ranges: point the same Range objects at the new
    // pieces, so hit tests, reveal and focus keep working on them.
    for (const { ranges, offsets } of shown.values()) {
      fromOffsets(doc, offsets).forEach((fresh, i) => {
        if (!fresh || !ranges[i]) return;
        ranges[i].setStart(fresh.startContainer, fresh.startOffset);
        ranges[i].setEnd(fresh.endContainer, fresh.endOffset);
      });
    }
  };

  const remember = (ranges: Range[]): { ranges: Range[]; offsets: Offsets } => {
    const offsets = toOffsets(doc, ranges);
    return { ranges: ranges.filter((_, i) => offsets[i] !== null).filter(Boolean), offsets: offsets.filter(o => o !== null) as Offsets };
  };

  return {
    mode: 'fallback',
    show(groups, prefix) {
      for (const name of schemeNames) shown.delete(name);
      schemeNames = [];
      for (const [base, ranges] of groups) {
        if (!ranges.length) continue;
        shown.set(prefix + base, remember(ranges));
        schemeNames.push(prefix + base);
      }
      render();
    },
    showExtra(name, ranges) {
      if (ranges.length) shown.set(name, remember(ranges));
      else shown.delete(name);
      render();
    },
    clear() {
      shown.clear();
      schemeNames = [];
      unwrap();
    },
    adopt(adopted) {
      // Drawn with the API, which this highlighter does not use: removed now.
      const registry = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS?.highlights;
      for (const name of adopted) registry?.delete(name);
    },
  };
}

/** The text-node pieces `[node, start, end]` a range covers (non-empty ones only). */
export function textSegments(doc: Document, range: Range): [Text, number, number][] {
  const out: [Text, number, number][] = [];
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) {
    if (range.endOffset > range.startOffset) out.push([root as Text, range.startOffset, range.endOffset]);
    return out;
  }
  const walker = doc.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(n)) continue;
    const s = n === range.startContainer ? range.startOffset : 0;
    const e = n === range.endContainer ? range.endOffset : n.data.length;
    if (e > s) out.push([n, s, e]);
  }
  return out;
}
