// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildTextIndex, textIndexSteps } from '../../lib/page/anchor';
import { blockText, blockTextSteps } from '../../lib/page/block-text';
import { elementProbe } from '../../lib/page/detect-elements';
import { completeSource, extractContainerText, extractContainerTextInSlices, extractFromContainer } from '../../lib/page/extract-core';
import { drain, drainInSlices, STEP, type Steps } from '../../lib/page/steps';

const points = (name: string): number => ((globalThis as { __attributionLensTimings?: { name: string }[] }).__attributionLensTimings ?? []).filter(p => p.name === name).length;

/** Steps that record each step in `log` (where the page's own tasks record themselves too). */
function* counted(n: number, log: string[]): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe('steps: a long reading written once, run at once or in slices', () => {
  it('drain runs every step in this task and returns the result', () => {
    const log: string[] = [];
    expect(drain(counted(3, log))).toBe(3);
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
  });

  it('drainInSlices gives the page its turn between slices, and marks the gaps for the benchmark', async () => {
    const log: string[] = [];
    const before = points('al:yield-start');
    setTimeout(() => log.push('page'), 0);
    // Slices of 0 ms: a yield after every step.
    expect(await drainInSlices(counted(3, log), 0)).toBe(3);
    expect(log.indexOf('page')).toBeGreaterThan(0);
    expect(log.indexOf('page')).toBeLessThan(log.length - 1);
    expect(points('al:yield-start') - before).toBeGreaterThanOrEqual(2);
    expect(points('al:yield-end')).toBe(points('al:yield-start'));
  });

  it('drainInSlices does not yield while a slice has time left', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('page'), 0);
    const before = points('al:yield-start');
    expect(await drainInSlices(counted(5, log), 60_000)).toBe(5);
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'step 3', 'step 4']);
    expect(points('al:yield-start')).toBe(before);
  });

  it('drainInSlices stops with null when cancelled after a yield', async () => {
    const log: string[] = [];
    expect(await drainInSlices(counted(5, log), 0, () => log.length >= 2)).toBeNull();
    expect(log.length).toBeLessThan(5);
  });
});

/** A long article: `n` paragraphs with inline markup, asides and a script between them. */
function longArticle(n: number): string {
  const ps = Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: officials in <b>Ottawa</b> said the <a href="#">intrusion</a> began in ${2000 + (i % 25)}.<br>A second line.</p>${i % 7 ? '' : '<aside class="related">Related story</aside><script>var x = 1;</script>'}`);
  return `<article><h1>Headline</h1>${ps.join('')}</article>`;
}

describe('reading in slices reads what reading at once reads', () => {
  it('blockText: the same text and blocks when every step yields', async () => {
    document.body.innerHTML = longArticle(2 * STEP); // test fixture only
    const root = document.querySelector('article')!;
    const once = blockText(root);
    const sliced = await drainInSlices(blockTextSteps([root]), 0);
    expect(sliced.text).toBe(once.text);
    expect(sliced.blocks).toEqual(once.blocks);
    expect(once.blocks.length).toBeGreaterThan(2 * STEP);
  });

  it('the text index: the same text and pieces when every step yields', async () => {
    document.body.innerHTML = longArticle(2 * STEP);
    const once = buildTextIndex(document.body);
    const sliced = await drainInSlices(textIndexSteps(document.body), 0);
    expect(sliced.text).toBe(once.text);
    expect(sliced.pieceAt).toEqual(once.pieceAt);
    expect(sliced.pieceOffset).toEqual(once.pieceOffset);
    expect(sliced.nodes.length).toBe(once.nodes.length);
  });

  it('the article container: the same article, read in slices that yield', async () => {
    document.body.innerHTML = longArticle(2 * STEP);
    const before = points('al:yield-start');
    // happy-dom has no XPath: the element reader answers quickCheck's questions.
    const opts = { url: 'https://example.org/a', probe: elementProbe };
    const once = extractContainerText(document, opts);
    const sliced = await extractContainerTextInSlices(document, opts, 0);
    expect(points('al:yield-start')).toBeGreaterThan(before);
    expect(once).not.toBeNull();
    expect(sliced?.article).toEqual(once?.article);
    expect(sliced?.region).toBe(once?.region);
    // The article script's reading, with the metadata: the same too.
    const full = sliced && { article: completeSource(document, sliced), region: sliced.region };
    expect(full).toEqual(extractFromContainer(document, opts));
    expect(full?.article.text).toBe(once?.article.text);
  });

  it('a node removed between two slices ends the reading there, without an error', async () => {
    document.body.innerHTML = longArticle(4 * STEP);
    const root = document.querySelector('article')!;
    const whole = blockText(root).text;
    const steps = blockTextSteps([root]);
    steps.next(); // the first STEP nodes
    steps.next();
    root.replaceChildren(); // the page empties the article meanwhile
    const text = drain(steps).text;
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(whole.length / 2);
    // What was read before the change, up to the paragraph being read then.
    const lastBreak = text.lastIndexOf('\n\n');
    expect(whole.startsWith(text.slice(0, lastBreak))).toBe(true);
  });
});
