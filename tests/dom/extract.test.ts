// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../cli/parse-document';
import { extractArticle } from '../../lib/page/extract';
import { textOutsideCode } from '../../lib/page/block-text';
import { completeSource, extractContainerText, extractFromContainer, MAYBE_CJK } from '../../lib/page/extract-core';
import { findProseDate, parseDate } from '../../lib/page/dates';
import { norm, PLAIN } from '../../lib/page/metadata';
import { detectorVerdict, setCandidate } from '../../lib/page/handoff';
import { cyberStems } from '../../lib/nlp/cyber-hint';

const dir = path.resolve(__dirname, '../fixtures/pages');
const html = (name: string) => fs.readFileSync(path.resolve(dir, name), 'utf8');
const parse = (name: string) => new DOMParser().parseFromString(html(name), 'text/html');

const CHROME = ['Home', 'Most read', 'newsletter', 'Share', 'Tweet', 'All rights reserved', 'Advertisement', 'Related', 'Sign up', 'Subscribe'];

describe.each([
  {
    file: 'wire-jsonld.html',
    title: 'Harbour nations accuse Veloria of hacking port systems',
    site: 'Meridian Wire',
    published: '2022-03-03', // local day of the JSON-LD timestamp, not the UTC day
    language: 'en-GB',
    first: 'WELLINGTON, March 3, 2022 (Meridian Wire) — Three coastal governments',
    paragraphs: 4,
  },
  {
    file: 'og-only.html',
    url: 'https://herald.example/world/ministers-summon-ambassador', // og:url
    title: 'Ministers summon ambassador over data breach',
    site: 'Northern Herald',
    published: '2023-06-14', // from the dateline "HALIFAX, 14 June 2023 —"
    language: 'en-CA',
    first: 'HALIFAX, 14 June 2023 — The government summoned',
    paragraphs: 3,
  },
  {
    file: 'bare.html',
    title: 'Agency warns of espionage campaign against universities',
    site: 'The Daily Courier', // from the "<title> - Site" suffix
    published: null,
    language: 'en', // guessed from the text: no markup says so
    first: 'The national cyber security agency warned on Tuesday',
    paragraphs: 4,
  },
  {
    file: 'time.html',
    title: 'Senators press for sanctions after pipeline hack',
    site: 'Capitol Ledger',
    published: '2021-05-12', // <time datetime> in the article header
    language: 'en-US',
    first: 'WASHINGTON — A group of senators',
    paragraphs: 3,
  },
])('$file', c => {
  it('reads title, site, date and language', () => {
    const a = extractArticle(parse(c.file));
    expect(a.source).toEqual({ url: c.url ?? null, title: c.title, site: c.site, published: c.published, language: c.language });
  });

  it('extracts only the article paragraphs, headline not repeated', () => {
    const a = extractArticle(parse(c.file));
    expect(a.detected).toBe(true);
    const paras = a.text.split('\n\n');
    expect(paras).toHaveLength(c.paragraphs);
    expect(paras[0].startsWith(c.first)).toBe(true);
    expect(a.text).not.toContain(c.title);
    for (const w of CHROME) expect(a.text).not.toContain(w);
    for (const p of paras) expect(p).toBe(p.replace(/\s+/g, ' ').trim());
  });

  it('leaves the document unchanged', () => {
    const doc = parse(c.file);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('gives the same result under linkedom (the CLI parser)', () => {
    const a = extractArticle(parse(c.file));
    const b = extractArticle(parseDocument(html(c.file)));
    expect(b.text).toBe(a.text);
    expect(b.source).toEqual(a.source);
    expect(b.detected).toBe(a.detected);
  });
});

describe('detection reasons', () => {
  it('names the markup and the paragraphs found', () => {
    const a = extractArticle(parse('wire-jsonld.html'));
    expect(a.detectReasons).toContain('marked up as a news article (JSON-LD NewsArticle, ReportageNewsArticle)');
    expect(a.detectReasons.some(r => /^(?:Readability finds|the article container has) 4 paragraphs of article text/.test(r))).toBe(true);
  });

  it('says no to a home page of link lists but still returns its text, without the navigation', () => {
    const a = extractArticle(parse('home.html'));
    expect(a.detected).toBe(false);
    expect(a.detectReasons.some(r => r.startsWith('no article structure: 0 paragraphs of running text'))).toBe(true);
    expect(a.text).toContain('Bridge repairs to close northern road for a week');
    expect(a.text).not.toContain('Home News Sport');
    expect(a.text).not.toContain('About us');
    expect(a.source.site).toBe('The Evening Ledger');
  });

  it('uses the URL it is given over <link rel=canonical> and og:url', () => {
    const a = extractArticle(parse('og-only.html'), { url: 'https://mirror.example/a' });
    expect(a.source.url).toBe('https://mirror.example/a');
    expect(extractArticle(parse('og-only.html')).source.url).toBe('https://herald.example/world/ministers-summon-ambassador');
  });
});

describe('hostile pages', () => {
  it('a DOM 10,000 levels deep: no throw, falls back, reports the text', () => {
    // NOTE: linkedom (the CLI's parser): a 10,000-deep tree takes ~35 s to build in vitest's jsdom.
    const sentence = 'A sentence at the very bottom of a very deep page, long enough to count as a paragraph of text.';
    const doc = parseDocument(`<body>${'<div>'.repeat(10_000)}<p>${sentence}</p>${'</div>'.repeat(10_000)}`);
    const a = extractArticle(doc);
    expect(a.text).toBe(sentence);
    expect(a.detectReasons).toContain('page too deeply nested for Readability');
  });

  it('a 1 MB paragraph comes through whole, quickly', () => {
    const doc = document.implementation.createHTMLDocument('big');
    const p = doc.body.appendChild(doc.createElement('p'));
    p.textContent = 'spies '.repeat(175_000);
    const t0 = performance.now();
    const a = extractArticle(doc);
    expect(a.text.length).toBe(175_000 * 6 - 1);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('malformed JSON-LD and an empty page do not throw', () => {
    const doc = new DOMParser().parseFromString('<script type="application/ld+json">{"@type": "NewsArt', 'text/html');
    const a = extractArticle(doc);
    expect(a.detected).toBe(false);
    expect(a.text).toBe('');
  });
});

describe("the detector's reading of the article container", () => {
  const e2e = path.resolve(__dirname, '../e2e/pages');
  const files = ['wire-jsonld.html', 'og-only.html', 'bare.html', 'time.html', 'home.html', ...fs.readdirSync(e2e).map(f => path.join(e2e, f))];
  const url = 'https://news.example/story';

  it.each(files.map(f => [path.basename(f), f]))('%s: text and verdict as the full reading; completing the source gives the same article', (_name, file) => {
    const full = extractFromContainer(parse(file), { url });
    const doc = parse(file);
    const early = extractContainerText(doc, { url });
    expect(early === null).toBe(full === null);
    if (!full || !early) return;
    expect(early.region.outerHTML).toBe(full.region.outerHTML);
    expect({ ...early.article, source: null }).toEqual({ ...full.article, source: null });
    expect(early.article.source).toEqual({ url, title: null, site: null, published: null, language: null });
    expect(completeSource(doc, early)).toEqual(full.article);
  });

  it('reads a container in most of these pages (the comparison above is not vacuous)', () => {
    expect(files.filter(f => extractContainerText(parse(f), { url })).length).toBeGreaterThanOrEqual(4);
  });

  it.each(files.map(f => [path.basename(f), f]))(
    "%s: the whole page's textContent, counted glued, has no fewer stems than any text the detector would test",
    (_name, file) => {
      const doc = parse(file);
      const whole = cyberStems(doc.body.textContent ?? '', Infinity, true);
      const found = extractContainerText(doc, { url });
      if (found) expect(whole).toBeGreaterThanOrEqual(cyberStems(found.article.text, Infinity));
      expect(whole).toBeGreaterThanOrEqual(cyberStems(textOutsideCode(doc.body), Infinity, true));
    },
  );
});

describe("the detector's verdict, read when the background asks for it", () => {
  it('is a value, or a function called only then (a page settled before its container was read)', () => {
    setCandidate(false);
    expect(detectorVerdict()).toEqual({ url: location.href, candidate: false });
    let reads = 0;
    setCandidate(() => (reads++, 'no-cyber'));
    expect(reads).toBe(0);
    expect(detectorVerdict()).toEqual({ url: location.href, candidate: true, noCyber: true });
    setCandidate(() => (reads++, false));
    expect(detectorVerdict()).toEqual({ url: location.href, candidate: false });
    expect(reads).toBe(2);
  });
});

describe('pages without <article> or microdata: the element holding the running text', () => {
  const story = (n: number) =>
    `<p>Story ${n}: officials said the breach of the ministry's mail servers began in the spring and went unnoticed for months, according to the report the agency published on Tuesday.</p>`;
  const reply = (n: number) => `<p>Reader ${n}: I have been saying for years that these systems were never properly maintained by anyone in charge.</p>`;
  const teaser = (n: number) => `<p>Teaser ${n}: a short summary of another story on this site, long enough to look like a sentence of running text.</p>`;
  const nav = '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>';
  const page = (body: string, bodyClass = '') => `<html><head><title>Breach traced</title></head><body class="${bodyClass}">${nav}${body}<footer><p>All rights reserved.</p></footer></body></html>`;
  const read = (html: string) => extractFromContainer(new DOMParser().parseFromString(html, 'text/html'), { url: 'https://news.example/a' });
  const stories = (k: number) => Array.from({ length: k }, (_, i) => story(i + 1)).join('');

  it('reads the innermost element with nearly all the text, without comments, sidebars or the wrappers around it', () => {
    const html = page(
      `<div id="main"><div class="layout"><div class="story-body">${stories(5)}</div>` +
        `<div class="comments">${[1, 2, 3, 4, 5, 6].map(reply).join('')}</div></div>` +
        `<div class="sidebar">${teaser(1)}</div></div>`,
    );
    const found = read(html);
    expect(found?.region.className).toBe('story-body');
    expect(found?.article.text.split('\n\n')).toHaveLength(5);
    expect(found?.article.text).not.toContain('Reader');
    expect(found?.article.detectReasons).toContain('the article container has 5 paragraphs of article text (145 words)');
  });

  it('is found when <body> carries ad class names, as many sites\' do', () => {
    expect(read(page(`<div class="content">${stories(4)}</div>`, 'ads-enabled advert-top'))?.region.className).toBe('content');
  });

  it('is looked for when the page\'s <article> elements are teaser cards too short to be the story', () => {
    const cards = [1, 2].map(n => `<article class="card"><h3>Other story ${n}</h3>${teaser(n)}</article>`).join('');
    expect(read(page(`<div class="entry-content">${stories(6)}</div>${cards}`))?.region.className).toBe('entry-content');
  });

  it('is not guessed when the running text is spread out (then Readability decides)', () => {
    const spread = page(`<div class="col-a">${stories(3)}</div><div class="col-b">${[1, 2, 3].map(teaser).join('')}</div>`);
    expect(read(spread)).toBeNull();
    // Paragraphs straight in <body> have no element below it to hold them.
    expect(read(page(stories(5)))).toBeNull();
  });

  it('needs three paragraphs of running text, as an <article> does', () => {
    expect(read(page(`<div class="story-body">${stories(2)}</div>`))).toBeNull();
    expect(read(page(`<div class="story-body">${stories(3)}</div>`))?.region.className).toBe('story-body');
  });
});

describe("the page's text without code, for the detector's necessary tests", () => {
  it('leaves out scripts and style sheets (HTML and SVG), keeps everything else as textContent joins it', () => {
    const doc = new DOMParser().parseFromString(
      '<body><nav>Home</nav><p>Spies <b>hacked</b> the mail servers.</p><script>var caption = "network server";</script>' +
        '<style>.hack{}</style><svg><style>.x{}</style><text>chart</text></svg><noscript>Enable scripts</noscript><p hidden>kept</p></body>',
      'text/html',
    );
    expect(textOutsideCode(doc.body)).toBe('HomeSpies hacked the mail servers.chartEnable scriptskept');
    const plain = new DOMParser().parseFromString('<body><p>One <i>two</i></p> three</body>', 'text/html');
    expect(textOutsideCode(plain.body)).toBe(plain.body.textContent);
  });
});

describe('a repeated headline at the top of the article', () => {
  const para = (n: number) =>
    `<p>Paragraph ${n}: the ministry said on Monday that the intrusion had been traced to a group working for a foreign intelligence service, and that partners had been told.</p>`;
  const page = (head: string, h1: string, lead: string) =>
    `<html><head>${head}</head><body><h1>${h1}</h1><article>${lead}${[1, 2, 3, 4].map(para).join('')}</article></body></html>`;
  const textOf = (html: string) => extractContainerText(new DOMParser().parseFromString(html, 'text/html'), { url: 'https://news.example/a' })?.article.text ?? '';

  it.each([
    ['the main <h1>', page('<title>Elsewhere</title>', 'Ministry traces breach to spies', '<h2>Ministry traces breach to spies</h2>')],
    ['og:title', page('<meta property="og:title" content="Ministry traces breach to spies">', 'Site name', '<h2>Ministry traces breach to spies</h2>')],
    ['twitter:title', page('<meta name="twitter:title" content="Ministry traces breach to spies">', 'Site name', '<h2>Ministry traces breach to spies</h2>')],
    ['<title> without its site suffix', page('<title>Ministry traces breach to spies | The Courier</title>', 'Site name', '<h2>Ministry traces breach to spies</h2>')],
  ])('a heading equal to %s is dropped', (_what, html) => {
    const text = textOf(html);
    expect(text.startsWith('Paragraph 1:')).toBe(true);
  });

  it('drops a dateline and a byline above the story, and keeps a short line that is neither', () => {
    const head = '<title>Ministry traces breach to spies | The Courier</title>';
    expect(textOf(page(head, 'Site name', '<p>March 18, 2025</p>'))).toMatch(/^Paragraph 1:/);
    expect(textOf(page(head, 'Site name', '<p>By Ana Ruiz</p>'))).toMatch(/^Paragraph 1:/);
    expect(textOf(page(head, 'Site name', '<p>Analysis</p>'))).toMatch(/^Analysis\n\nParagraph 1:/);
    for (const line of ['Updated 2025-03-18 10:32 GMT', '18 Mar. 2025', 'Tuesday 4th of March 2025, 09:10']) {
      expect(textOf(page(head, 'Site name', `<p>${line}</p>`))).toMatch(/^Paragraph 1:/);
    }
    // A short line with a year but no date is a line of the story.
    expect(textOf(page(head, 'Site name', '<p>Ten attacks of 2024</p>'))).toMatch(/^Ten attacks of 2024\n\nParagraph 1:/);
  });

  it('no date without a digit: the date parser answers such lines without its patterns', () => {
    // Every form parseDate reads has a year; a line without a digit need not compile its patterns.
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('January', 'Sept.', 'of', 'the', 'th', '-', '/', ',', ' ', 'T', 'Monday', 'x', 'é') }), s => {
        expect(parseDate(s)).toBeNull();
        expect(findProseDate(s)).toBeNull();
      }),
    );
    expect(parseDate('Sept. 3 2020')).toBe('2020-09-03');
  });

  it('reads a month as its name or a prefix of 3+ letters, and no other word', () => {
    const cases: [string, string | null][] = [
      ['3 Mar 2021', '2021-03-03'],
      ['3 March 2021', '2021-03-03'],
      ['May 9, 2022', '2022-05-09'],
      ['Sept 30, 2020', '2020-09-30'],
      ['Septem 30, 2020', '2020-09-30'],
      ['dec. 1 2019', '2019-12-01'],
      ['Mayor 9, 2022', null],
      ['Ma 9, 2022', null],
      ['Marsh 9, 2022', null],
      ['Junior 9, 2022', null],
    ];
    for (const [text, date] of cases) expect([text, parseDate(text)]).toEqual([text, date]);
  });

  it('reads og:title and twitter:title in <head> only (a missing one is not looked for in every element)', () => {
    const inBody = `<html><head><title>Elsewhere</title></head><body><meta property="og:title" content="Ministry traces breach to spies"><h1>Site name</h1><article><h2>Ministry traces breach to spies</h2>${[1, 2, 3, 4].map(para).join('')}</article></body></html>`;
    expect(textOf(inBody)).toMatch(/^Ministry traces breach to spies\n\nParagraph 1:/);
  });

  it('keeps a heading that is not the headline, and a paragraph that repeats it', () => {
    const head = '<title>Ministry traces breach to spies | The Courier</title>';
    expect(textOf(page(head, 'Ministry traces breach to spies', '<h2>What happened</h2>')).startsWith('What happened\n\nParagraph 1:')).toBe(true);
    expect(textOf(page(head, 'Ministry traces breach to spies', '<p>Ministry traces breach to spies</p>')).startsWith('Ministry traces breach to spies\n\nParagraph 1:')).toBe(true);
  });
});

describe('the fast paths around Unicode-property patterns', () => {
  const reference = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

  it('every plain character is a letter or digit exactly when it is a-z or 0-9 (A-Z is lower-cased first)', () => {
    const plain = [...Array(0x80).keys(), ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i)].map(c => String.fromCharCode(c)).filter(c => !/[A-Z]/.test(c));
    expect(plain.every(c => PLAIN.test(c))).toBe(true);
    expect(plain.filter(c => /[\p{L}\p{N}]/u.test(c) !== /[a-z0-9]/.test(c))).toEqual([]);
  });

  it('norm gives what the Unicode pattern gives, on plain and other texts', () => {
    const alphabet = ['A', 'z', '7', ' ', '-', "'", '\u2019', '\u2014', '\u201c', '\u2026', 'é', 'İ', 'Ω', '北', '٣', '\u212a', '\n', '.', '|'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    const texts = Array.from({ length: 2000 }, () => Array.from({ length: 1 + (seed % 12) }, () => alphabet[next()]).join(''));
    texts.push('Five Eyes accuse China’s MSS — again', 'ÉLYSÉE CONDEMNS “ATTACK”', 'İstanbul');
    expect(texts.filter(t => norm(t) !== reference(t))).toEqual([]);
    expect(texts.some(t => PLAIN.test(t.toLowerCase()))).toBe(true);
  });

  it('MAYBE_CJK holds every Han, kana and Hangul character', () => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    const missed: number[] = [];
    let found = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!cjk.test(c)) continue;
      found++;
      if (!MAYBE_CJK.test(c)) missed.push(cp);
    }
    expect(found).toBeGreaterThan(90_000);
    expect(missed).toEqual([]);
  });

  it('counts CJK characters as words', () => {
    const cjkPara = (n: number) => `<p>第${n}段。${'政府は国家が支援するサイバー攻撃を非難した。'.repeat(4)}</p>`;
    const doc = new DOMParser().parseFromString(`<html><body><article>${[1, 2, 3, 4].map(cjkPara).join('')}</article></body></html>`, 'text/html');
    // Four paragraphs without a space: four words, were each character not counted.
    const reasons = extractArticle(doc, { url: 'https://news.example/jp' }).detectReasons.join(' ');
    expect(Number(/\((\d+) words\)/.exec(reasons)?.[1])).toBeGreaterThan(300);
  });
});
