// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorSpans, buildTextIndex, normaliseWithMap } from '../../lib/page/anchor';

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
