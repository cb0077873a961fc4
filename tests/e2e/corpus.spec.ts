import fs from 'node:fs';
import path from 'node:path';
import type { TabState } from '../../lib/messaging/protocol';
import { expect, highlightSizes, test } from './fixtures';

/**
 * The built extension over real news articles (../shared/corpus, read at run time, never copied
 * into the project), each rendered into one of three page layouts a news site might use:
 * JSON-LD + Open Graph, bare markup with a sidebar, Open Graph only. Relevant articles get
 * highlights, a badge and a popup summary; the others get nothing.
 */

const CORPUS = path.resolve('../shared/corpus');
const present = fs.existsSync(CORPUS);
if (!present) console.log(`[attribution-lens] ${CORPUS} is absent: skipping the corpus end-to-end test`);

interface Article {
  file: string;
  title: string;
  text: string;
  published: string | null;
  outlet?: string;
  gold: { relevant: boolean };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map(p => p.trim())
    .filter(Boolean)
    .map(p => `<p>${esc(p)}</p>`)
    .join('\n');
const NAV = '<nav><a href="/">Front page</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>';
const SIDEBAR = '<aside><h2>Popular</h2><ul><li><a href="/1">Rain expected this weekend</a></li><li><a href="/2">Cup final tickets on sale</a></li></ul></aside>';
const FOOT = '<footer><p>All rights reserved.</p><form><input name="email" placeholder="Newsletter"><button>Join</button></form></footer>';

/** Our own page layouts (not the scorer's): three ways news sites mark up an article. */
function render(a: Article, i: number): string {
  const t = esc(a.title);
  const date = a.published ?? '';
  switch (i % 3) {
    case 0: {
      const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, datePublished: date || undefined }).replace(/</g, '\\u003c');
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${t}</title><meta property="og:type" content="article"><script type="application/ld+json">${ld}</script></head><body>${NAV}<main><article><h1>${t}</h1><time datetime="${esc(date)}">${esc(date)}</time>${paragraphs(a.text)}</article>${SIDEBAR}</main>${FOOT}</body></html>`;
    }
    case 1:
      return `<!doctype html><html><head><meta charset="utf-8"><title>${t}</title></head><body><div class="wrap">${NAV}<div class="col"><h1 class="title">${t}</h1><div class="body">${paragraphs(a.text)}</div></div>${SIDEBAR}</div>${FOOT}</body></html>`;
    default:
      return `<!doctype html><html><head><meta charset="utf-8"><title>${t}</title><meta property="og:type" content="article"><meta property="og:title" content="${t}"></head><body>${NAV}<section><h1>${t}</h1>${paragraphs(a.text)}</section>${SIDEBAR}${FOOT}</body></html>`;
  }
}

test.describe('real articles', () => {
  test.skip(!present, `${CORPUS} is absent`);
  test.setTimeout(240_000);

  test('relevant articles are highlighted and summarised; the others are left alone', async ({ context, serve, tabIdOf, tabState, openPopup }) => {
    const articles: Article[] = fs
      .readdirSync(CORPUS)
      .filter(f => f.endsWith('.json'))
      .sort()
      .map(f => ({ file: f, ...JSON.parse(fs.readFileSync(path.join(CORPUS, f), 'utf8')) }));
    const pages = Object.fromEntries(articles.map((a, i) => [`/${a.file.replace('.json', '.html')}`, render(a, i)]));
    const base = await serve(pages);
    const page = await context.newPage();
    let relevant = 0;
    for (const a of articles) {
      await page.goto(`${base}/${a.file.replace('.json', '.html')}`);
      const tabId = await tabIdOf(page);
      if (a.gold.relevant) {
        relevant++;
        let state: TabState | null = null;
        await expect
          .poll(async () => (state = await tabState(tabId))?.status, { timeout: 20_000, message: `${a.file}: analysed` })
          .toBe('done');
        expect.soft(state!.report?.article.relevant, `${a.file}: relevant`).toBe(true);
        await expect
          .poll(async () => Object.values(await highlightSizes(page)).reduce((n, x) => n + x, 0), { timeout: 10_000, message: `${a.file}: highlights` })
          .toBeGreaterThan(0);
      } else {
        // give the detector and the background time to decide, then check nothing was drawn
        await expect
          .poll(async () => (await tabState(tabId))?.status ?? 'idle', { timeout: 10_000, message: `${a.file}: decided` })
          .toMatch(/^(?:not-article|not-relevant|idle)$/);
        await page.waitForTimeout(300);
        expect.soft(await highlightSizes(page), `${a.file}: no highlights`).toEqual({});
      }
    }
    expect(relevant).toBeGreaterThan(0);

    // the popup, opened as a page for the last relevant article's tab, sums it up
    const last = articles.filter(a => a.gold.relevant).at(-1)!;
    await page.goto(`${base}/${last.file.replace('.json', '.html')}`);
    const tabId = await tabIdOf(page);
    await expect.poll(async () => (await tabState(tabId))?.status, { timeout: 20_000 }).toBe('done');
    const popup = await openPopup(tabId);
    await expect(popup.getByRole('heading', { level: 1 })).toContainText(last.title.slice(0, 20));
    await expect(popup.locator('#highlight-toggle')).toHaveAttribute('aria-checked', 'true');
    await popup.close();
  });
});
