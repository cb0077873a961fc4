// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FLASH_NAME, createHighlighter, hasHighlightApi, isDarkBackground, schemePrefix } from '../../lib/page/highlighter';
import { anchorSpans, buildTextIndex } from '../../lib/page/anchor';

const HTML = '<p>The <b>Netherlands</b> blamed China for the hack.</p><p>  </p><p>China denied it.</p>';
const TEXT = 'The Netherlands blamed China for the hack.\n\nChina denied it.';

function setup() {
  document.body.innerHTML = HTML; // test fixture only
  const original = document.body.innerHTML;
  const nodes = Array.from(document.body.querySelectorAll('p')).map(p => p.firstChild);
  const ranges = anchorSpans(buildTextIndex(document.body), TEXT, [
    { start: 4, end: 15 },
    { start: 23, end: 28 },
    { start: 0, end: 42 },
    { start: 44, end: 49 },
  ]) as Range[];
  return { original, nodes, ranges };
}

describe('fallback highlighter (<al-mark>)', () => {
  it('happy-dom has no Highlight API, so the fallback is used', () => {
    expect(hasHighlightApi(window as unknown as Window & typeof globalThis)).toBe(false);
    expect(createHighlighter(document).mode).toBe('fallback');
  });

  it('wraps overlapping ranges with class names, skips whitespace, and unwraps to the original nodes', () => {
    const { original, nodes, ranges } = setup();
    const h = createHighlighter(document, true);
    h.show(new Map([['actor-state', [ranges[0], ranges[1], ranges[3]]], ['claim-attribution', [ranges[2]]]]), 'al-');
    const marks = Array.from(document.querySelectorAll('al-mark'));
    expect(marks.map(m => m.textContent)).toContain('Netherlands');
    const china = marks.find(m => m.textContent === 'China' && m.className.includes('al-claim-attribution'));
    expect(china?.className).toBe('al-actor-state al-claim-attribution');
    expect(marks.every(m => /\S/.test(m.textContent ?? ''))).toBe(true);
    h.clear();
    expect(document.body.innerHTML).toBe(original);
    expect(Array.from(document.body.querySelectorAll('p')).map(p => p.firstChild)).toEqual(nodes);
  });

  it('re-renders for a scheme change and an extra flash without losing ranges', () => {
    const { original, ranges } = setup();
    const h = createHighlighter(document, true);
    const groups = new Map([['actor-state', [ranges[0], ranges[1]]]]);
    h.show(groups, 'al-');
    h.showExtra(FLASH_NAME, [ranges[1]]);
    h.show(groups, schemePrefix('high-contrast', false));
    const classes = Array.from(document.querySelectorAll('al-mark')).map(m => m.className);
    expect(classes).toContain('al-hc-actor-state');
    expect(classes.some(c => c.includes(FLASH_NAME))).toBe(true);
    expect(classes.some(c => c.startsWith('al-actor'))).toBe(false);
    h.clear();
    expect(document.body.innerHTML).toBe(original);
  });

  it('scheme prefixes', () => {
    expect(schemePrefix('default', false)).toBe('al-');
    expect(schemePrefix('default', true)).toBe('al-dk-');
    expect(schemePrefix('colour-blind', true)).toBe('al-cb-');
  });
});

describe('isDarkBackground', () => {
  /** body > div#outer > div#story > p > b, with the given inline backgrounds. */
  function page(backgrounds: { body?: string; outer?: string; story?: string; p?: string }) {
    const style = (c?: string) => (c ? ` style="background-color: ${c}"` : '');
    document.body.setAttribute('style', backgrounds.body ? `background-color: ${backgrounds.body}` : '');
    document.body.innerHTML = `<div id="outer"${style(backgrounds.outer)}><div id="story"${style(backgrounds.story)}><p${style(backgrounds.p)}><b>x</b></p></div></div>`; // test fixture only
    const el = (sel: string) => document.querySelector(sel) as Element;
    return { b: el('b'), p: el('p'), story: el('#story'), outer: el('#outer') };
  }

  it('takes the first opaque background up from the element: dark, light, or light when there is none', () => {
    expect(isDarkBackground(page({ body: 'rgb(20, 20, 24)' }).b)).toBe(true);
    expect(isDarkBackground(page({ body: 'rgb(20, 20, 24)', story: 'rgb(250, 250, 250)' }).b)).toBe(false);
    expect(isDarkBackground(page({ body: 'rgb(250, 250, 250)', p: 'rgb(0, 0, 0)' }).b)).toBe(true);
    // Mostly transparent layers are looked through.
    expect(isDarkBackground(page({ body: 'rgb(250, 250, 250)', story: 'rgba(0, 0, 0, 0.2)' }).b)).toBe(false);
    expect(isDarkBackground(page({}).b)).toBe(false);
  });

  it('stops at an ancestor whose answer was read ahead, and reads on its own below it or off its path', () => {
    const els = page({ body: 'rgb(20, 20, 24)' });
    const known = { el: els.story, dark: isDarkBackground(els.story) };
    expect(known.dark).toBe(true);
    expect(isDarkBackground(els.b, known)).toBe(isDarkBackground(els.b));
    // The walk believes what was read ahead once it reaches that element…
    expect(isDarkBackground(els.b, { el: els.story, dark: false })).toBe(false);
    // …but an opaque background below it answers first, and an element off the path is ignored.
    els.p.setAttribute('style', 'background-color: rgb(255, 255, 255)');
    expect(isDarkBackground(els.b, known)).toBe(false);
    expect(isDarkBackground(els.outer, { el: els.p, dark: false })).toBe(true);
  });
});
