// Functions evaluated inside benchmark pages (serialised by Playwright: no closures over Node
// variables). Each returns plain JSON.

/** Registered at document start (page.addInitScript): collects long tasks for the whole page. */
export function longTaskObserver() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no longtask support */
  }
}

/** The floor: one TreeWalker over the body's text nodes, concatenating their data. */
export function floor() {
  const t0 = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = w.nextNode(); n; n = w.nextNode()) text += n.data;
  return { ms: performance.now() - t0, chars: text.length };
}

/** Readability alone, on a clone (as the README asks callers to do). */
export function readability() {
  const t0 = performance.now();
  // `Readability`/`nlp` are globals injected by page.addScriptTag.
  const r = new Readability(document.cloneNode(true)).parse();
  return { ms: performance.now() - t0, chars: r?.textContent?.length ?? 0 };
}

/**
 * The peer pipeline: compromise's people/places/organizations over the body text, then every
 * match wrapped in `<mark>` in the live DOM (a naive but honest implementation: one alternation
 * of the distinct match strings, applied to each text node; matches split across nodes are missed).
 */
export function peer() {
  const t0 = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: n => (/^(?:SCRIPT|STYLE|NOSCRIPT)$/.test(n.parentNode?.nodeName ?? '') ? 2 : 1),
  });
  const nodes = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) nodes.push(n);
  const text = nodes.map(n => n.data).join(' ');
  // `Readability`/`nlp` are globals injected by page.addScriptTag.
  const doc = nlp(text);
  const names = new Set();
  for (const list of [doc.people(), doc.places(), doc.organizations()]) {
    for (const s of list.out('array')) {
      const t = s.trim().replace(/^["'“‘(]+/, '').replace(/[.,;:!?"'”’)]$/, '');
      if (t.length > 1) names.add(t);
    }
  }
  const t1 = performance.now();
  let marks = 0;
  if (names.size) {
    const esc = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp([...names].sort((a, b) => b.length - a.length).map(esc).join('|'), 'g');
    for (const node of nodes) {
      const data = node.data;
      re.lastIndex = 0;
      const found = [...data.matchAll(re)];
      if (!found.length || !node.parentNode) continue;
      const frag = document.createDocumentFragment();
      let at = 0;
      for (const m of found) {
        if (m.index > at) frag.append(data.slice(at, m.index));
        const mark = document.createElement('mark');
        mark.textContent = m[0];
        frag.append(mark);
        marks++;
        at = m.index + m[0].length;
      }
      if (at < data.length) frag.append(data.slice(at));
      node.replaceWith(frag);
    }
  }
  const t2 = performance.now();
  return { ms: t2 - t0, nlpMs: t1 - t0, wrapMs: t2 - t1, names: names.size, marks };
}

/** Compile (parse) time of a script's source in a fresh page: `new Function(source)`. */
export function compile(src) {
  const t0 = performance.now();
  new Function(src);
  return performance.now() - t0;
}

/** Our highlights in the shared registry (count of ranges). */
export function ourHighlights() {
  let n = 0;
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('al-')) n += h.size;
  });
  return n;
}

/** The page's own milestones, in ms from navigation start: the end of its load event and its first contentful paint. */
export function milestones() {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return { load: nav ? nav.loadEventEnd : NaN, fcp: fcp ? fcp.startTime : NaN };
}

/** Has the page had its first contentful paint? */
export function hasPainted() {
  return performance.getEntriesByName('first-contentful-paint').length > 0;
}
