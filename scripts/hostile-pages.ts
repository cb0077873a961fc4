/**
 * Generated hostile and odd pages for the robustness tests (issue 6): huge, deep, malformed,
 * multi-script, control characters, form fields, scripts, broken JSON-LD, binary, empty, UTF-16.
 * Deterministic (seeded); nothing is committed: tests write them into a temp dir.
 *
 *   npx tsx scripts/hostile-pages.ts OUT_DIR     writes every page into OUT_DIR
 *
 * None of them is about state cyber activity: the filler is our own neutral prose (with state,
 * company and city names in everyday roles), so every page must be reported `relevant: false`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** One generated page. */
export interface HostilePage {
  /** File name, `*.html`. */
  name: string;
  data: string | Uint8Array;
  /** `report`: the CLI prints a report; `refused`: a clean one-line error (not HTML). */
  expect: 'report' | 'refused';
  /** Strings that must never reach the extracted text (form fields, scripts, editable regions). */
  hidden?: string[];
  /** Large pages (megabytes, 100k words), held to the larger time bound. */
  huge?: boolean;
}

/** Deterministic PRNG (mulberry32), so the pages are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Neutral everyday vocabulary, with state, city and company names in harmless roles. */
export const NEUTRAL_WORDS = (
  'the a of and to in on for with at by from after before during said says told market river council library ' +
  'garden weather spring autumn festival team match football coach season bread cheese apples farmers harbour ' +
  'museum concert orchestra visitors tourists ferry bridge road school students teachers recipe kitchen bakery ' +
  'France China Russia Iran Canada Germany Japan Brazil Microsoft Google Apple Amazon Beijing Moscow Paris Tokyo ' +
  'minister mayor president Tuesday Friday March October new old small large quiet busy warm cold opened closed ' +
  'won lost played cooked visited painted built repaired'
).split(' ');

/** `n` neutral words, seeded. */
export function neutralWords(n: number, rand: () => number): string[] {
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = NEUTRAL_WORDS[Math.floor(rand() * NEUTRAL_WORDS.length)];
  return out;
}

/** Neutral sentences of 12–24 words, capitalised and full-stopped. */
export function neutralProse(words: number, rand: () => number): string {
  const ws = neutralWords(words, rand);
  const out: string[] = [];
  for (let i = 0; i < ws.length; ) {
    const len = 12 + Math.floor(rand() * 13);
    const s = ws.slice(i, i + len);
    s[0] = s[0][0].toUpperCase() + s[0].slice(1);
    out.push(`${s.join(' ')}.`);
    i += len;
  }
  return out.join(' ');
}

function page(body: string, head = '<meta charset="utf-8"><title>Test page</title>'): string {
  return `<!doctype html>\n<html lang="en"><head>${head}</head><body>${body}</body></html>\n`;
}

/** Looks like a news article to detection (JSON-LD + `<article>` + paragraphs) so extraction runs fully. */
function articlePage(title: string, paragraphs: string[], extra = ''): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: '2024-03-05' });
  const head = `<meta charset="utf-8"><title>${title} | Test Gazette</title><meta property="og:type" content="article"><script type="application/ld+json">${ld}</script>`;
  return page(`<article><h1>${title}</h1>${paragraphs.map(p => `<p>${p}</p>`).join('\n')}${extra}</article>`, head);
}

function paras(n: number, words: number, rand: () => number): string[] {
  return Array.from({ length: n }, () => neutralProse(words, rand));
}

const MIXED_SCRIPTS = [
  'وقال الوزير إن المكتبة الجديدة ستفتح في الربيع بعد عامين من العمل.', // Arabic
  'העירייה אמרה כי הספרייה החדשה תיפתח באביב.', // Hebrew
  'وزیر گفت کتابخانه جدید در بهار باز می‌شود.', // Persian with ZWNJ
  '市议会周二表示，新图书馆将于春季开放。', // Chinese
  '市議会は火曜日、新しい図書館が春に開館すると発表した。', // Japanese
  '시의회는 화요일 새 도서관이 봄에 문을 연다고 밝혔다.', // Korean
  'Городской совет во вторник заявил, что новая библиотека откроется весной.', // Russian
  'नगर परिषद ने मंगलवार को कहा कि नया पुस्तकालय वसंत में खुलेगा।', // Hindi
  'สภาเมืองกล่าวว่าห้องสมุดใหม่จะเปิดในฤดูใบไม้ผลิ', // Thai (no spaces)
  'Ἡ βιβλιοθήκη ἀνοίγει τὴν ἄνοιξη. 🏛️📚👩🏽‍🔬🇫🇷 e\u0301te\u0301 Z̴̡̧a̶l̷g̸o̵', // Greek, emoji, combining marks
];

function mixedScripts(rand: () => number): string {
  const ps: string[] = [];
  for (let i = 0; i < 40; i++) {
    const s = MIXED_SCRIPTS[i % MIXED_SCRIPTS.length];
    const rtl = i % 3 === 0 ? ' dir="rtl"' : '';
    // Mixed-direction sentences with bidi overrides and isolates around Latin names.
    ps.push(`<p${rtl}>${s} \u202EFrance\u202C \u2067China\u2069 ${neutralProse(20, rand)} ${s}</p>`);
  }
  return page(ps.join('\n'), '<meta charset="utf-8"><title>مكتبة | ספרייה | 图书馆</title>');
}

function zeroWidthControls(rand: () => number): string {
  const zw = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u034F'];
  const ps: string[] = [];
  for (let i = 0; i < 30; i++) {
    const words = neutralWords(60, rand).map((w, j) => (j % 3 === 0 ? w.split('').join(zw[(i + j) % zw.length]) : w));
    ps.push(`<p>${words.join(j(i))}.</p>`);
  }
  // C0/C1 controls, NUL, lone surrogates and noncharacters as references and as raw characters.
  const refs = '&#0; &#1; &#8; &#x0B; &#x1F; &#x7F; &#x80; &#x9F; &#xD800; &#xDFFF; &#xFFFE; &#xFFFF; &#x10FFFF; &#x110000; &#99999999999;';
  ps.push(`<p>Before ${refs} after \u0001\u0002\u0007\u001B[31m red \u001B[0m\u0085\u009B end.</p>`);
  ps.push(`<p>Tabs\tand\u000Bvertical\ffeeds\rreturns\u2028line\u2029paragraph separators.</p>`);
  return page(ps.join('\n'));
}

/** Word separator: mostly spaces, sometimes no-break and odd spaces. */
function j(i: number): string {
  return [' ', ' ', '\u00A0', '\u2003', '\u3000', ' \u200B '][i % 6];
}

function unbalancedQuotes(rand: () => number): string {
  const opens = ['“', '"', "'", '«', '„', '‹', '「', '『', '”', '’'];
  const ps: string[] = [];
  for (let i = 0; i < 40; i++) {
    const q = opens[i % opens.length];
    ps.push(`<p>${q}${neutralProse(30, rand)} ${i % 4 === 0 ? q.repeat(500) : ''} France said ${q}it is fine. ${neutralProse(10, rand)}</p>`);
  }
  ps.push(`<p>${'“'.repeat(5000)} ${'”'.repeat(3000)} ${'"'.repeat(4000)}</p>`);
  return page(ps.join('\n'));
}

function malformed(rand: () => number): string {
  const p = () => neutralProse(40, rand);
  return (
    '<!doctype html><html><head><title>Broken <b>title</title><meta charset=utf-8 content="x>' +
    `<body><div class="a id=b><p>${p()}</div></div></div></p></p></span></td></tr></table>` +
    `<p title='unterminated>${p()}<p <p>>${p()}<<<>>><///p>` +
    `<table><p>${p()}<tr><td>${p()}<td><table><tr><td>${p()}</table>` +
    `<a href="><b><i><u>${p()}</b></i>` +
    `<ul><li>${p()}<li><ul><li>${p()}</ol></ul>` +
    `</body></html><p>${p()}</p></html>` +
    `<div =broken ==x "y" 'z'=1 a=b=c>${p()}` +
    `<select><p>${p()}</select><form><form><input value="a"b"c">` +
    `<![CDATA[ ${p()} ]]><?xml ${p()} ?><!-- unterminated comment ${p()}`
  );
}

function frames(rand: () => number): HostilePage[] {
  const srcdoc = 'FRAMESRCDOC marker: the minister said the market opened.';
  const fallback = 'IFRAMEFALLBACK marker text';
  const withIframes = articlePage(
    'Market opens by the river',
    paras(6, 60, rand),
    `<iframe srcdoc="<p>${srcdoc}</p>" sandbox></iframe><iframe src="javascript:alert(1)">${fallback}</iframe>` +
      '<iframe src="data:text/html,<p>DATAFRAME</p>"></iframe>',
  );
  const frameset =
    '<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html">' +
    `<noframes><p>${neutralProse(80, rand)}</p></noframes></frameset></html>`;
  return [
    { name: 'iframes.html', data: withIframes, expect: 'report', hidden: ['FRAMESRCDOC', 'IFRAMEFALLBACK', 'DATAFRAME'] },
    { name: 'frameset.html', data: frameset, expect: 'report' },
  ];
}

function shadowDom(rand: () => number): string {
  const hosts = Array.from(
    { length: 10 },
    (_, i) =>
      `<div id="host${i}"><template shadowrootmode="${i % 2 ? 'open' : 'closed'}"><style>p{color:red}</style>` +
      `<p>${neutralProse(30, rand)}</p><slot></slot></template><p>${neutralProse(30, rand)}</p></div>`,
  );
  // A template nested in a template, and a shadow root on a custom element.
  hosts.push(`<my-card><template shadowrootmode="open"><template shadowrootmode="open"><p>inner</p></template></template>${neutralProse(20, rand)}</my-card>`);
  return page(hosts.join('\n'));
}

function formsEditable(rand: () => number): HostilePage {
  // Text a reader typed: an attribution sentence, so a leak would also show as claims.
  const typed = (m: string) => `${m} Canada blamed China for the hack, the minister said. ${m}`;
  const extra =
    `<form><textarea name="c">${typed('TYPEDTEXTAREA')}</textarea>` +
    `<input type="text" value="${typed('TYPEDINPUT')}"><input type="hidden" value="HIDDENINPUT">` +
    `<select><option>${typed('TYPEDOPTION')}</option></select><button>${typed('TYPEDBUTTON')}</button></form>` +
    `<div contenteditable="true"><p>${typed('TYPEDEDITABLE')} ${neutralProse(60, rand)}</p></div>` +
    `<div contenteditable=""><p>${typed('TYPEDEDITEMPTY')} ${neutralProse(60, rand)}</p></div>` +
    `<div contenteditable="plaintext-only">${typed('TYPEDPLAIN')}</div>` +
    `<section contenteditable><div><p>${typed('TYPEDNESTED')}</p></div></section>` +
    `<p hidden>${typed('HIDDENPARA')}</p><div aria-hidden="true"><p>${typed('ARIAHIDDEN')}</p></div>`;
  return {
    name: 'forms-editable.html',
    data: articlePage('Bakery wins the spring fair', paras(8, 60, rand), extra),
    expect: 'report',
    hidden: ['TYPEDTEXTAREA', 'TYPEDINPUT', 'HIDDENINPUT', 'TYPEDOPTION', 'TYPEDBUTTON', 'TYPEDEDITABLE', 'TYPEDEDITEMPTY', 'TYPEDPLAIN', 'TYPEDNESTED', 'HIDDENPARA', 'ARIAHIDDEN'],
  };
}

/**
 * Too deep for Readability (see MAX_READABILITY_DEPTH), so the paragraph-cluster fallback picks
 * the text: its `<p>`s inside editable regions and templates must still be left out.
 */
function editableFallback(rand: () => number): HostilePage {
  const typed = (m: string) => `<p>${m} Canada blamed China for the hack, the minister said. ${neutralProse(50, rand)}</p>`;
  const body =
    `${'<div>'.repeat(200)}<div contenteditable="true">${Array.from({ length: 12 }, () => typed('TYPEDDEEP')).join('')}</div>` +
    `<template><div>${Array.from({ length: 12 }, () => typed('TEMPLATEDEEP')).join('')}</div></template>` +
    `<p contenteditable>${'TYPEDPARA '.repeat(20)}</p><div>${paras(3, 60, rand).map(p => `<p>${p}</p>`).join('')}</div>${'</div>'.repeat(200)}`;
  return { name: 'editable-fallback.html', data: page(body), expect: 'report', hidden: ['TYPEDDEEP', 'TEMPLATEDEEP', 'TYPEDPARA'] };
}

function scriptsStyles(rand: () => number): HostilePage {
  const extra =
    `<script>var s = "SCRIPTTEXT Canada blamed China for the hack"; document.write('<p>SCRIPTWRITE</p>');</script>` +
    `<style>p::before { content: "STYLETEXT Canada blamed China"; }</style>` +
    `<noscript><p>NOSCRIPTTEXT please enable scripts</p></noscript>` +
    `<script type="text/template"><p>TEMPLATESCRIPT ${neutralProse(40, rand)}</p></script>` +
    `<svg><text>SVGTEXT</text><script>SVGSCRIPT</script></svg><math><mi>MATHTEXT</mi></math>`;
  return {
    name: 'scripts-styles.html',
    data: articlePage('Orchestra plays in the harbour', paras(8, 60, rand), extra),
    expect: 'report',
    hidden: ['SCRIPTTEXT', 'SCRIPTWRITE', 'STYLETEXT', 'NOSCRIPTTEXT', 'TEMPLATESCRIPT', 'SVGTEXT', 'SVGSCRIPT', 'MATHTEXT'],
  };
}

function brokenJsonLd(rand: () => number): string {
  const ld = (s: string) => `<script type="application/ld+json">${s}</script>`;
  const head =
    '<meta charset="utf-8"><title>Broken JSON-LD</title>' +
    ld('{"@context":"https://schema.org","@type":"NewsArticle","headline":"Unterminated') +
    ld('{"@type": ["NewsArticle", "Article", ' + '"x", '.repeat(50_000) + ']') +
    ld('['.repeat(100_000) + ']'.repeat(100_000)) +
    ld('{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)) +
    ld('<![CDATA[ {"@type":"NewsArticle", "headline": "\\uZZZZ", }') +
    ld('{"@type":"NewsArticle","headline":' + JSON.stringify('x'.repeat(600_000)) + '}') +
    ld('{"@type":"NewsArticle","headline":{"name":{"name":[null,1,true]}},"datePublished":"2024-99-99T99:99","publisher":[[]]}') +
    ld('"@type" : "' + '"@type":['.repeat(10_000));
  return page(`<article>${paras(8, 60, rand).map(p => `<p>${p}</p>`).join('')}</article>`, head);
}

function deepDom(levels: number, open: string, close: string, rand: () => number): string {
  return page(`${open.repeat(levels)}<p>${neutralProse(120, rand)}</p><p>${neutralProse(120, rand)}</p>${close.repeat(levels)}<p>${neutralProse(60, rand)}</p>`);
}

function longWordsUrls(rand: () => number): string {
  const word = 'a'.repeat(200_000);
  const url = `https://example.com/${'path/'.repeat(20_000)}?q=${'x'.repeat(50_000)}`;
  const hyphen = neutralWords(10_000, rand).join('-');
  const ps = [
    `<p>${neutralProse(40, rand)} ${word} ${neutralProse(40, rand)}</p>`,
    `<p>See <a href="${url}">${url}</a> for details. ${neutralProse(40, rand)}</p>`,
    `<p>${hyphen}</p>`,
    `<p>${'France'.repeat(20_000)} ${'.'.repeat(50_000)} ${'Mr. '.repeat(5_000)}</p>`,
    `<p>${neutralWords(5000, rand).join('')}</p>`,
  ];
  return page(ps.join('\n'));
}

function utf16(html: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + html.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

function binary(rand: () => number, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

/** Every hostile page, generated from one seed. Sizes: up to ~5 MB each, ~15 MB in all. */
export function hostilePages(seed = 6): HostilePage[] {
  const rand = prng(seed);
  const oneMb = neutralProse(Math.ceil((1024 * 1024) / 5), rand).slice(0, 1024 * 1024);
  const bigScript = `var data = ${JSON.stringify(neutralProse(Math.ceil((5 * 1024 * 1024) / 5), rand).slice(0, 5 * 1024 * 1024) + ' </p><p>BIGSCRIPT')};\n`.replace(/<\//g, '<\\/');
  return [
    { name: 'paragraph-1mb.html', data: page(`<p>${oneMb}</p>`), expect: 'report', huge: true },
    { name: 'words-100k.html', data: articlePage('Hundred thousand words', paras(2000, 50, rand)), expect: 'report', huge: true },
    { name: 'flat-200k-elements.html', data: page('<span>x</span> '.repeat(200_000) + '<br>'.repeat(50_000)), expect: 'report', huge: true },
    { name: 'deep-divs-10k.html', data: deepDom(10_000, '<div>', '</div>', rand), expect: 'report' },
    { name: 'deep-inline-10k.html', data: page(`<p>${'<span><b><i>'.repeat(3_400)}${neutralProse(80, rand)}${'</i></b></span>'.repeat(3_400)}</p>`), expect: 'report' },
    { name: 'deep-unclosed-10k.html', data: `<html><body>${'<div><section>'.repeat(5_000)}<p>${neutralProse(200, rand)}`, expect: 'report' },
    { name: 'deep-lists-10k.html', data: deepDom(5_000, '<ul><li>', '</li></ul>', rand), expect: 'report' },
    { name: 'long-words-urls.html', data: longWordsUrls(rand), expect: 'report', huge: true },
    { name: 'mixed-scripts-rtl.html', data: mixedScripts(rand), expect: 'report' },
    { name: 'zero-width-controls.html', data: zeroWidthControls(rand), expect: 'report' },
    { name: 'unbalanced-quotes.html', data: unbalancedQuotes(rand), expect: 'report' },
    { name: 'malformed.html', data: malformed(rand), expect: 'report' },
    ...frames(rand),
    { name: 'shadow-dom.html', data: shadowDom(rand), expect: 'report' },
    formsEditable(rand),
    editableFallback(rand),
    scriptsStyles(rand),
    { name: 'broken-json-ld.html', data: brokenJsonLd(rand), expect: 'report' },
    { name: 'inline-script-5mb.html', data: articlePage('Ferry timetable changes', paras(6, 60, rand), `<script>${bigScript}</script>`), expect: 'report', hidden: ['BIGSCRIPT'], huge: true },
    { name: 'head-only.html', data: '<html><head><title>Nothing here</title></head></html>', expect: 'report' },
    { name: 'stray-nul.html', data: page(`<p>${neutralProse(100, rand)}\u0000${neutralProse(100, rand)}</p>`), expect: 'report' },
    { name: 'utf16le-bom.html', data: utf16(articlePage('Library opens in spring', paras(6, 60, rand)), false), expect: 'report' },
    { name: 'utf16be-bom.html', data: utf16(page(`<p>${neutralProse(200, rand)}</p>`), true), expect: 'report' },
    { name: 'binary.html', data: binary(rand, 64 * 1024), expect: 'refused' },
    { name: 'empty.html', data: '', expect: 'refused' },
    { name: 'whitespace.html', data: ' \n\t\r\n '.repeat(1000), expect: 'refused' },
  ];
}

/** Writes the pages into `dir`; returns each page with its file path, in order. */
export function writeHostilePages(dir: string, seed?: number): (HostilePage & { file: string })[] {
  mkdirSync(dir, { recursive: true });
  return hostilePages(seed).map(p => {
    const file = path.join(dir, p.name);
    writeFileSync(file, p.data);
    return { ...p, file };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npx tsx scripts/hostile-pages.ts OUT_DIR\n');
    process.exit(2);
  }
  for (const p of writeHostilePages(dir)) process.stdout.write(`${p.file}\t${p.expect}\n`);
}
