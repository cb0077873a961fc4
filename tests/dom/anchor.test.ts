// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { anchorSpans, bestPosition, buildTextIndex, normaliseWithMap } from '../../lib/page/anchor';
import { anchorAhead, MAX_AHEAD_ELEMENTS } from '../../lib/page/anchor-ahead';
import { STEP } from '../../lib/page/steps';

function page(html: string): Document {
  document.body.innerHTML = html; // test fixture only, no page text
  return document;
}

/** The extracted text as extraction builds it: one block per paragraph, "\n\n" between. */
const EXTRACTED = 'China denied it.\n\nThe Netherlands blamed China for the hack, and China denied it.';
const span = (text: string, nth = 0): { start: number; end: number } => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = EXTRACTED.indexOf(text, at + 1);
  return { start: at, end: at + text.length };
};

describe('anchorSpans: extracted-text offsets to live Ranges', () => {
  it('finds mentions split across inline elements, whitespace and block boundaries', () => {
    const doc = page(`<nav>China news</nav><p>China  denied\n it.</p><p>The <b>Nether</b>lands blamed <a href="#">China</a> for the hack, and China denied it.</p><script>var China = 1;</script>`);
    const ranges = anchorSpans(buildTextIndex(doc.body), EXTRACTED, [span('Netherlands'), span('China', 1), span('China', 2), span('China denied it.', 0)]);
    expect(ranges.map(r => r?.toString())).toEqual(['Netherlands', 'China', 'China', 'China  denied\n it.']);
    expect(ranges[1]!.startContainer.parentElement!.tagName).toBe('A');
    expect(ranges[2]!.startContainer.parentElement!.tagName).toBe('P');
  });

  it('gives no Range, and throws nothing, where the page shortened a text node after indexing', () => {
    const doc = page('<p>China denied it.</p><p>The Netherlands blamed China for the hack, and China denied it.</p>');
    const index = buildTextIndex(doc.body);
    const second = doc.querySelectorAll('p')[1].firstChild as Text;
    second.data = 'The Dutch blamed China.'; // a live page rewrote it meanwhile
    const ranges = anchorSpans(index, EXTRACTED, [span('China', 2), span('China denied it.', 0)]);
    expect(ranges[0]).toBeNull(); // its offsets are past the node's new end
    expect(ranges[1]?.toString()).toBe('China denied it.'); // the untouched paragraph still anchors
  });

  it('picks the occurrence whose context matches, not the first one', () => {
    const doc = page('<p>China denied it.</p><p>The Netherlands blamed China for the hack, and China denied it.</p>');
    const [r] = anchorSpans(buildTextIndex(doc.body), EXTRACTED, [span('China denied it.', 1)]);
    expect(r!.startContainer.textContent).toContain('Netherlands');
  });

  it('indexes the text of its root only, stepping over left-out subtrees wherever they sit', () => {
    const doc = page('<div id="r"><p>one <b>two<script>no</script></b></p><div><span hidden>gone<i>deep</i></span></div><p>three<textarea>t</textarea></p><section><div><div contenteditable="true">ed<b>it</b></div></div></section></div><p>outside</p>');
    const index = buildTextIndex(doc.getElementById('r')!);
    expect(index.text).toBe('one two three');
    expect(index.nodes.map(n => n.data)).toEqual(['one ', 'two', 'three']);
  });

  it('never anchors into form fields, contenteditable, hidden or script text', () => {
    const doc = page('<textarea>Zeta</textarea><div contenteditable="true">Zeta</div><p hidden>Zeta</p><script>Zeta</script><p>none here</p>');
    const idx = buildTextIndex(doc.body);
    expect(idx.text).toBe('none here');
    expect(anchorSpans(idx, 'Zeta', [{ start: 0, end: 4 }])).toEqual([null]);
  });

  it('skips spans that are out of range or missing from the page', () => {
    const doc = page('<p>The Netherlands blamed China.</p>');
    const out = anchorSpans(buildTextIndex(doc.body), EXTRACTED, [{ start: -1, end: 3 }, { start: 5, end: 999 }, span('hack')]);
    expect(out).toEqual([null, null, null]);
  });

  it('anchors a long sentence whose middle differs on the page (head and tail)', () => {
    const text = 'Officials said the group, known as APT40, had stolen design documents from the research network over two years.';
    const doc = page('<p>Officials said the group, known as APT40<sup>[1]</sup>, had stolen design documents from the research network over two years.</p>');
    const [r] = anchorSpans(buildTextIndex(doc.body), text, [{ start: 0, end: text.length }]);
    expect(r!.toString()).toContain('[1]');
    expect(r!.toString().endsWith('two years.')).toBe(true);
  });

  it('normalises whitespace and invisible characters with an offset map', () => {
    const { norm, map } = normaliseWithMap('a \n\n b\u00ADc');
    expect(norm).toBe('a bc');
    expect(map[5]).toBe(2);
  });
});

/**
 * The normalisation, character by character: invisible characters dropped, a whitespace run one
 * space unless the output is empty or ends in one; `at[i]` is how much output precedes input `i`.
 */
function reference(text: string, lastSpace = true): { norm: string; at: number[]; lastSpace: boolean } {
  let norm = '';
  const at: number[] = [];
  for (const ch of text.split('')) {
    at.push(norm.length);
    if (/[\u00AD\u200B-\u200D\u2060]/.test(ch)) continue;
    if (/\s/.test(ch)) {
      if (!lastSpace) norm += ' ';
      lastSpace = true;
    } else {
      norm += ch;
      lastSpace = false;
    }
  }
  at.push(norm.length);
  return { norm, at, lastSpace };
}

describe('normalisation, against a character-by-character reference', () => {
  // Words, single spaces (most of real text), runs, line breaks, non-breaking and invisible characters.
  const piece = fc.constantFrom('China', 'a', ' ', ' ', ' ', '  ', '\n\n', '\u00A0', '\u00AD', '\u200B', '\t ', ' \u200B ', '.');
  const text = fc.array(piece, { maxLength: 30 }).map(p => p.join(''));

  it('article text: same normalised text and the same offset of every character', () => {
    fc.assert(
      fc.property(text, t => {
        const { norm, map } = normaliseWithMap(t);
        const ref = reference(t);
        expect(norm).toBe(ref.norm);
        expect([...map]).toEqual(ref.at);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('page text index: the text of a paragraph of several text nodes is the reference over their concatenation', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), nodes => {
        const doc = page('<p></p>');
        const p = doc.querySelector('p')!;
        for (const t of nodes) p.append(doc.createTextNode(t));
        const idx = buildTextIndex(p);
        expect(idx.text).toBe(reference(nodes.join('')).norm);
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});

describe('bestPosition: the nearest-first search with an early stop', () => {
  /** The plain rule, every position scored in order: what the search must always agree with. */
  function reference(text: string, positions: number[], len: number, prefix: string, suffix: string, expected: number): number {
    const common = (a: string, b: string, fromEnd: boolean): number => {
      let n = 0;
      const at = (s: string, i: number) => (fromEnd ? s[s.length - 1 - i] : s[i]);
      while (n < a.length && n < b.length && at(a, n) === at(b, n)) n++;
      return n;
    };
    let bestPos = -1;
    let bestScore = -Infinity;
    for (const p of positions) {
      const ctx = common(prefix, text.slice(Math.max(0, p - 32), p), true) + common(suffix, text.slice(p + len, p + len + 32), false);
      const score = ctx + 8 * (1 - Math.abs(p - expected) / Math.max(1, text.length));
      if (score > bestScore) [bestScore, bestPos] = [score, p];
    }
    return bestPos;
  }
  const occurrences = (text: string, quote: string): number[] => {
    const out: number[] = [];
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) out.push(at);
    return out;
  };

  it('picks what scoring every position picks, on texts full of repeats', () => {
    // Sentences that repeat whole or differ in a word or a character: each quote occurs many times,
    // and the contexts of its occurrences match one another in whole, or up to some character.
    const sentence = fc.constantFrom('China denied it. ', 'China denied it! ', 'Chinx denied it. ', 'Russia denied the hack. ', 'APT40 did the hack. ', 'the hack ');
    const quote = fc.constantFrom('China', 'denied', 'hack', 'denied it', 'the');
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 2, maxLength: 60 }), quote, fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (parts, q, b, c, shift) => {
        const text = parts.join('');
        const positions = occurrences(text, q);
        if (!positions.length) return;
        // The article's context: that of one occurrence, whole or with its outermost character
        // changed, or other words.
        const at = positions[b % positions.length];
        const before = text.slice(Math.max(0, at - 32), at);
        const after = text.slice(at + q.length, at + q.length + 32);
        const change = (ctx: string, first: boolean): string => (!ctx ? ctx : first ? `#${ctx.slice(1)}` : `${ctx.slice(0, -1)}#`);
        const prefix = [before, change(before, true), 'Moscow denied the'][b % 3];
        const suffix = [after, change(after, false), ' in Beijing', after][(b >> 2) % 4];
        // Anywhere, or exactly between two occurrences (a tie of distance).
        const i = c % positions.length;
        const expected = c % 2 && i + 1 < positions.length ? (positions[i] + positions[i + 1]) / 2 : shift * text.length;
        expect(bestPosition(text, positions, q.length, prefix, suffix, expected)).toBe(reference(text, positions, q.length, prefix, suffix, expected));
      }),
      { numRuns: 5000 },
    );
  });

  it('picks what scoring every position picks, on two-letter texts (contexts that match up to any character)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 8, maxLength: 400 }),
      // Periodic: whole contexts repeat, and equal distances make ties.
      fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 1, maxLength: 7 }), fc.integer({ min: 4, max: 80 })).map(([unit, k]) => unit.repeat(k)),
    );
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 1, max: 4 }), fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (t, a, n, b, c, shift) => {
        const start = a % t.length;
        const q = t.slice(start, start + n);
        const positions = occurrences(t, q);
        const at = positions[b % positions.length];
        const before = t.slice(Math.max(0, at - 32), at);
        const after = t.slice(at + q.length, at + q.length + 32);
        const flip = (ch: string | undefined) => (ch === 'a' ? 'b' : 'a');
        const prefix = [before, before && flip(before[0]) + before.slice(1), before.slice(3)][b % 3];
        const suffix = [after, after && after.slice(0, -1) + flip(after.at(-1)), after.slice(0, 5)][(b >> 2) % 3];
        const i = c % positions.length;
        const expected = c % 2 && i + 1 < positions.length ? (positions[i] + positions[i + 1]) / 2 : shift * t.length;
        expect(bestPosition(t, positions, q.length, prefix, suffix, expected)).toBe(reference(t, positions, q.length, prefix, suffix, expected));
      }),
      { numRuns: 5000 },
    );
  });

  it('a tie goes to the lower position, and no position gives -1', () => {
    const text = 'x China y China x';
    // Both "China"s have the same context score and lie at the same distance from `expected`.
    const positions = occurrences(text, 'China');
    const expected = (positions[0] + positions[1]) / 2;
    expect(bestPosition(text, positions, 5, '', '', expected)).toBe(positions[0]);
    expect(reference(text, positions, 5, '', '', expected)).toBe(positions[0]);
    expect(bestPosition(text, [], 5, 'a', 'b', 3)).toBe(-1);
  });
});

describe('anchorAhead: the index is built while the answer travels, unless the region is huge', () => {
  const indexed = (): number => ((globalThis as { __attributionLensTimings?: { name: string }[] }).__attributionLensTimings ?? []).filter(p => p.name === 'al:index-start').length;
  const settle = (): Promise<void> => new Promise(resolve => setTimeout(resolve, 20));

  it('indexes an ordinary region in the next task; taking it then builds nothing more', async () => {
    page(`<article><p>China denied it.</p><p>The Netherlands blamed China for the hack, and China denied it.</p></article>`);
    const before = indexed();
    const ahead = anchorAhead(document.querySelector('article')!, EXTRACTED);
    expect(indexed()).toBe(before); // not in the caller's task
    await settle();
    expect(indexed()).toBe(before + 1);
    expect((await ahead.take())(span('Netherlands'))?.toString()).toBe('Netherlands');
    expect(indexed()).toBe(before + 1);
    ahead.stop();
  });

  it('gives the index being built ahead to a take() that comes meanwhile, without building another', async () => {
    // Enough text nodes for several steps of the walk: the build yields between them.
    const paragraphs = Array.from({ length: 3 * STEP }, (_, i) => `<p>Paragraph ${i} says the Netherlands blamed China.</p>`).join('');
    page(`<article><p>China denied it.</p><p>The Netherlands blamed China for the hack, and China denied it.</p>${paragraphs}</article>`);
    const yields = (): number => ((globalThis as { __attributionLensTimings?: { name: string }[] }).__attributionLensTimings ?? []).filter(p => p.name === 'al:yield-start').length;
    const before = indexed();
    const yieldsBefore = yields();
    // A clock that runs 100 ms per reading: every slice is over at once.
    let clock = performance.now();
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 100));
    onTestFinished(() => now.mockRestore());
    const ahead = anchorAhead(document.querySelector('article')!, EXTRACTED);
    // Until the build has started (the next task), then while it yields: the same promise.
    for (let i = 0; i < 50 && indexed() === before; i++) await new Promise(resolve => setTimeout(resolve, 0));
    expect(indexed()).toBe(before + 1);
    const taken = ahead.take();
    expect(ahead.take()).toBe(taken);
    expect((await taken)(span('Netherlands'))?.toString()).toBe('Netherlands');
    expect(indexed()).toBe(before + 1);
    expect(yields()).toBeGreaterThan(yieldsBefore);
    ahead.stop();
  });

  it(`leaves a region of more than ${MAX_AHEAD_ELEMENTS} elements to be indexed when taken (no long task for an article that is not drawn)`, async () => {
    const filler = '<span>x</span>'.repeat(MAX_AHEAD_ELEMENTS);
    page(`<article><p>China denied it.</p><p>The Netherlands blamed China for the hack, and China denied it.</p><div hidden>${filler}</div></article>`);
    const before = indexed();
    const ahead = anchorAhead(document.querySelector('article')!, EXTRACTED);
    await settle();
    expect(indexed()).toBe(before);
    expect((await ahead.take())(span('Netherlands'))?.toString()).toBe('Netherlands');
    expect(indexed()).toBe(before + 1);
    ahead.stop();
  });
});
