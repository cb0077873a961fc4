// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickCheck, type QuickCheckOptions } from '../../lib/page/detect';
import { elementProbe } from '../../lib/page/detect-elements';
import { blockText } from '../../lib/page/block-text';

const dir = path.resolve(__dirname, '../fixtures/pages');
const REAL = path.resolve(__dirname, '../../../shared/pages/readability');
const parse = (name: string) => new DOMParser().parseFromString(fs.readFileSync(path.join(dir, name), 'utf8'), 'text/html');
const fromHtml = (h: string) => new DOMParser().parseFromString(h, 'text/html');

/** A JSON-LD script naming `type`. */
const ld = (type: string) => `<script type="application/ld+json">{"@context":"https://schema.org","@type":"${type}","headline":"h"}</script>`;
/** quickCheck reading elements, as for a DOM without XPath (linkedom). */
const viaElements = (doc: Document, opts: QuickCheckOptions = {}) => quickCheck(doc, { ...opts, probe: elementProbe });

describe('quickCheck', () => {
  it.each([
    ['wire-jsonld.html', true, 'marked up as a news article (JSON-LD NewsArticle, ReportageNewsArticle)'],
    ['og-only.html', true, 'Open Graph type is "article"'],
    ['time.html', true, 'has an <article> element'],
    ['bare.html', true, 'about 4 long paragraphs of text'],
    ['home.html', false, 'few long paragraphs (0 of 1)'],
  ])('%s → candidate %s', (file, candidate, reason) => {
    const r = quickCheck(parse(file));
    expect(r.candidate).toBe(candidate);
    expect(r.reasons).toContain(reason);
  });

  it('finds article types inside @graph, arrays and body scripts', () => {
    const ld = (json: string) => fromHtml(`<body><script type="application/ld+json">${json}</script><p>x</p></body>`);
    expect(quickCheck(ld('[{"@type":"WebPage"},{"@type":"BlogPosting"}]')).candidate).toBe(true);
    expect(quickCheck(ld('{"@graph":[{"@type":["Thing","NewsArticle"]}]}')).candidate).toBe(true);
    expect(quickCheck(ld('{"@type":"Recipe"}'), { readerable: false }).candidate).toBe(false);
  });

  it('every schema.org article type is found, in <head> and in <body>, by both ways of reading the page', () => {
    const types = ['Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle', 'OpinionNewsArticle', 'ReviewNewsArticle', 'ScholarlyArticle', 'TechArticle', 'SatiricalArticle', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'Report'];
    for (const type of types) {
      for (const where of ['head', 'body']) {
        const html = `<html><head><title>t</title>${where === 'head' ? ld(type) : ''}</head><body>${where === 'body' ? ld(type) : ''}<p>x</p></body></html>`;
        for (const r of [quickCheck(fromHtml(html), { readerable: false }), viaElements(fromHtml(html), { readerable: false })]) {
          expect(r.candidate, `${type} in ${where}`).toBe(true);
          expect(r.reasons[0]).toContain(type);
        }
      }
    }
  });

  it('other schema.org types, and near misses of the article types, are not articles', () => {
    for (const type of ['WebPage', 'Recipe', 'Articles', 'article', 'NewsArticleSeries', 'ReportageArticle', 'Posting', 'LiveBlog', 'ReportCard', 'MyReport']) {
      expect([type, quickCheck(fromHtml(`<html><head>${ld(type)}</head><body><p>x</p></body></html>`), { readerable: false }).candidate]).toEqual([type, false]);
    }
  });

  it('reads the same signals through XPath as element by element (the command line has no XPath)', () => {
    for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.html'))) {
      for (const opts of [{}, { full: true }, { readerable: false, full: true }]) {
        const read = viaElements(parse(file), opts);
        expect(quickCheck(parse(file), opts), file).toMatchObject({ candidate: read.candidate, reasons: read.reasons });
      }
    }
  });

  it.skipIf(!fs.existsSync(REAL))('comes to the same verdict both ways on real pages (../shared/pages/readability, 30 smaller ones)', () => {
    // jsdom's XPath is slow on big pages (a browser's is not): the smaller ones.
    const files = fs.readdirSync(REAL).sort().map(d => path.join(REAL, d, 'source.html')).filter(f => fs.existsSync(f) && fs.statSync(f).size < 40_000).slice(0, 30);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const html = fs.readFileSync(f, 'utf8');
      const read = viaElements(new DOMParser().parseFromString(html, 'text/html'));
      // Lengths may differ by a character where jsdom's XPath counts differently; the verdict may not.
      expect(quickCheck(new DOMParser().parseFromString(html, 'text/html')).candidate, f).toBe(read.candidate);
    }
  });

  it('reads paragraph lengths for the readerable score only when a sampled paragraph is long', () => {
    const counting = (doc: Document) => {
      const probe = elementProbe(doc);
      const calls = { lengths: 0 };
      return { calls, probe: { ...probe, sampleLengths: (step: number, min: number) => (calls.lengths++, probe.sampleLengths(step, min)) } };
    };
    // Teasers only (a front page): no paragraph of 80 characters, so no score to read.
    const teasers = fromHtml(`<body>${'<p>A short teaser line.</p>'.repeat(60)}</body>`);
    const short = counting(teasers);
    const r = quickCheck(teasers, { probe: () => short.probe });
    expect(short.calls.lengths).toBe(0);
    expect(r).toEqual(viaElements(teasers));
    expect(r.reasons).toEqual(['few long paragraphs (0 of 60)', 'not enough long paragraphs to be readable']);
    // Two long paragraphs (too few to be an article by count): the score is read, and decides.
    const two = fromHtml(`<body>${`<p>${'word '.repeat(150)}</p>`.repeat(2)}<p>x</p></body>`);
    const long = counting(two);
    const r2 = quickCheck(two, { probe: () => long.probe });
    expect(long.calls.lengths).toBe(1);
    expect(r2).toEqual({ candidate: true, reasons: ['few long paragraphs (2 of 3)', 'enough long paragraphs to be readable'] });
  });

  it('says what is missing on a DOM without XPath when no element reader is given', () => {
    const doc = parse('home.html');
    Object.defineProperty(doc, 'evaluate', { value: undefined });
    expect(() => quickCheck(doc)).toThrow(/no XPath/);
    expect(viaElements(doc).candidate).toBe(false);
  });
});

describe('blockText', () => {
  it('one paragraph per block, offsets and elements per block', () => {
    const doc = fromHtml('<div id=r><h2>Head  line</h2><p>First <b>bold</b>\n para.</p>tail text<ul><li>one</li><li><p>two</p></li></ul><blockquote>quote<br><br>after</blockquote><script>x()</script><textarea>no</textarea><p hidden>gone</p></div>');
    const { text, blocks } = blockText(doc.getElementById('r')!);
    expect(text).toBe('Head line\n\nFirst bold para.\n\ntail text\n\none\n\ntwo\n\nquote\n\nafter');
    expect(blocks.map(b => text.slice(b.start, b.end))).toEqual(text.split('\n\n'));
    expect(blocks.map(b => b.el.tagName)).toEqual(['H2', 'P', 'DIV', 'LI', 'P', 'BLOCKQUOTE', 'BLOCKQUOTE']);
    expect(blocks[2]).toMatchObject({ start: 'Head line\n\nFirst bold para.\n\n'.length });
  });

  it('leaves out contenteditable regions and form fields', () => {
    const doc = fromHtml('<div id=r><p>kept</p><div contenteditable>typed</div><input value=v><select><option>o</option></select></div>');
    expect(blockText(doc.getElementById('r')!).text).toBe('kept');
  });
});
