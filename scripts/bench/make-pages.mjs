#!/usr/bin/env node
// Writes bench/pages/heavy-article-*.html: the four light benchmark stories (bench/pages/article-*.html)
// inside heavy but realistic news-site chrome, and bench/pages/heavy-home.html, the same site's front
// page (no article: teaser cards, JSON-LD for the site only), so that each page carries 1,000–2,000 elements like
// real news pages (mega-menu header, breaking-news ticker, share bars, inline related-story cards
// and ad slots between paragraphs, a most-read rail, 40–80 comments, a newsletter form, a big
// footer). Everything here is our own template text; the output is deterministic (seeded) and
// committed, so the benchmark is reproducible.   node scripts/bench/make-pages.mjs
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.resolve('bench/pages');
const STORIES = ['short', 'medium', 'long', 'unrelated'];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const slug = s => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const SECTIONS = {
  World: ['Europe', 'Americas', 'Asia', 'Africa', 'Middle East', 'Australia', 'UK'],
  Politics: ['Elections', 'Congress', 'Parliament', 'Polls', 'Policy', 'Analysis'],
  Business: ['Markets', 'Economy', 'Companies', 'Energy', 'Autos', 'Finance', 'Trade', 'Property'],
  Technology: ['AI', 'Gadgets', 'Cloud', 'Startups', 'Telecoms', 'Reviews'],
  Security: ['Cyber', 'Defence', 'Intelligence', 'Privacy', 'Crime'],
  Science: ['Space', 'Climate', 'Health', 'Environment', 'Physics'],
  Sport: ['Football', 'Tennis', 'Cricket', 'Cycling', 'Athletics', 'Motor racing', 'Golf'],
  Culture: ['Film', 'Music', 'Books', 'Art', 'Television', 'Theatre'],
  Lifestyle: ['Food', 'Travel', 'Style', 'Wellness', 'Homes'],
  Opinion: ['Columnists', 'Editorials', 'Letters', 'Cartoons'],
};
const TOPICS = ['Trade talks', 'Ports', 'Shipping', 'Rates', 'Housing', 'Rail strikes', 'Water', 'Schools', 'Grid', 'Wildfires', 'Chips', 'Batteries', 'Fisheries', 'Tariffs', 'Budget'];
const HEADLINES = [
  'Central bank holds rates as inflation cools', 'Storm closes ports along the northern coast', 'Chipmaker shares jump on record orders',
  'City council approves new tram line after long debate', 'Wheat prices fall as harvest beats forecasts', 'Regional airline adds twelve routes for summer',
  'Museum reopens after three-year renovation', 'Heatwave warning issued for southern provinces', 'Carmaker recalls vans over brake sensor fault',
  'Teachers vote to accept pay offer', 'Hospital waiting lists shorten for first time in a decade', 'Rail operator promises fewer cancellations',
  'Coastal towns brace for spring tides', 'Start-up raises funds for grid-scale batteries', 'Parliament committee questions energy regulator',
  'Football club unveils plans for new stadium', 'Bookshop chain to open forty stores', 'Fishing quotas agreed after all-night talks',
  'Water company fined over river discharges', 'Ferry operator orders two electric vessels', 'Farmers protest over fertiliser costs',
  'New bridge opens two months early', 'Telecoms group to cut prices for rural broadband', 'Housing starts rise for third straight month',
];
const NAMES = ['Marta K.', 'jdlr', 'PortWatcher', 'Tom Heaney', 'anna_b', 'OldSalt', 'R. Okafor', 'mike.t', 'Lena V', 'quietreader', 'S. Lindqvist', 'Hugo', 'nettie', 'FerryFan', 'Bram', 'D. Castillo', 'kestrel', 'Yusuf A.', 'pjm', 'Ines'];
const C1 = ['Good reporting, thanks.', 'I work near the harbour and nobody told us anything.', 'Not surprised at all.', 'This has been going on for years.', 'Who pays for all of this in the end?', 'Interesting piece.', 'Hard to know what to believe any more.', 'The timeline in the fourth paragraph is useful.', 'Finally some clarity.', 'Same old story, different year.'];
const C2 = ['The systems were old and everyone knew it.', 'Budgets for maintenance have been cut every year.', 'I would like to see the full report before judging.', 'Insurance premiums will go up again, watch.', 'My brother drives a truck there and the queues were long last week.', 'Better security costs less than cleaning up afterwards.', 'It would help if the article linked the original statement.', 'Small suppliers are the weak link, not the big operators.', 'There should be a public inquiry.', 'Let us see what happens at the next summit.'];
const C3 = ['', ' Just my two cents.', ' Anyway, thanks for covering it.', ' Would love a follow-up.', ' Sadly typical.', ''];

function megaMenu(r) {
  const cols = Object.entries(SECTIONS).map(([sec, subs]) => {
    const items = subs.map(s => `<li><a href="/${slug(sec)}/${slug(s)}">${s}</a></li>`).join('');
    const topics = TOPICS.slice(0, 5 + Math.floor(r() * 6)).map(t => `<li><a href="/topic/${slug(t)}">${t}</a></li>`).join('');
    const stories = Array.from({ length: 3 }, (_, i) => { const h = HEADLINES[Math.floor(r() * HEADLINES.length)]; return `<li><a href="/story/${500 + i}">${h}</a></li>`; }).join('');
    return `<li class="mm-col"><a class="mm-top" href="/${slug(sec)}">${sec}</a><div class="mm-panel"><ul class="mm-subs">${items}</ul><h3>Topics</h3><ul class="mm-topics">${topics}</ul><h3>Top stories</h3><ul class="mm-stories">${stories}</ul></div></li>`;
  });
  return `<nav class="mega" aria-label="Sections"><ul class="mm">${cols.join('\n')}</ul></nav>`;
}

function ticker() {
  const items = HEADLINES.slice(0, 10).map((h, i) => `<li><span class="t-time">${String(8 + i).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}</span> <a href="/live/${i}">${h}</a></li>`).join('');
  return `<div class="ticker" role="region" aria-label="Breaking news"><strong>Breaking</strong><ul>${items}</ul></div>`;
}

function shareBar(title) {
  const nets = ['Email', 'Facebook', 'X', 'LinkedIn', 'WhatsApp', 'Reddit', 'Copy link'];
  return `<div class="share" aria-label="Share this article"><ul>${nets.map(n => `<li><a href="/share/${slug(n)}?t=${encodeURIComponent(title).slice(0, 40)}" title="Share via ${n}"><svg width="16" height="16" aria-hidden="true"><use href="#i-${slug(n)}"></use></svg><span class="sr">${n}</span></a></li>`).join('')}</ul><button class="save">Save</button><button class="gift">Gift article</button></div>`;
}

function relatedCard(r, i) {
  const h = HEADLINES[Math.floor(r() * HEADLINES.length)];
  return `<aside class="inline-related"><h4>Read more</h4><div class="card"><a href="/story/${300 + i}"><figure><img src="data:," width="120" height="80" alt=""><figcaption>Photo: Meridian Wire staff</figcaption></figure><span class="card-h">${h}</span></a><p class="card-meta"><span>${SECTIONS_LIST[i % SECTIONS_LIST.length]}</span> · <time>${2 + i} hours ago</time></p></div></aside>`;
}
const SECTIONS_LIST = Object.keys(SECTIONS);

function adSlot(i) {
  return `<div class="ad-slot" id="ad-inline-${i}" data-ad-unit="article/inline/${i}" aria-label="Advertisement"><div class="ad-label">Advertisement</div><div class="ad-frame"><a href="/promo/${i}"><img src="data:," width="300" height="250" alt=""></a><div class="ad-copy"><span>Sponsored</span></div></div></div>`;
}

function mostRead(r) {
  const items = Array.from({ length: 10 }, (_, i) => { const h = HEADLINES[(i * 5 + 3) % HEADLINES.length]; return `<li><a href="/story/${100 + i}"><span class="rank">${i + 1}</span><span class="mr-h">${h}</span></a><span class="mr-meta"><time>${1 + Math.floor(r() * 20)}h</time></span></li>`; }).join('');
  const cards = Array.from({ length: 6 }, (_, i) => `<div class="rail-card"><a href="/video/${i}"><img src="data:," width="80" height="45" alt=""><span>${HEADLINES[(i * 7 + 1) % HEADLINES.length]}</span></a></div>`).join('');
  return `<aside class="rail"><section class="most-read"><h2>Most read</h2><ol>${items}</ol></section><div class="ad-slot" aria-label="Advertisement"><div class="ad-label">Advertisement</div><div class="ad-frame"></div></div><section class="videos"><h2>Watch</h2>${cards}</section><div class="ad-slot sticky" aria-label="Advertisement"><div class="ad-label">Advertisement</div><div class="ad-frame"></div></div></aside>`;
}

function comments(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const name = NAMES[Math.floor(r() * NAMES.length)];
    const text = `${C1[Math.floor(r() * C1.length)]} ${C2[Math.floor(r() * C2.length)]}${C3[Math.floor(r() * C3.length)]}`;
    const reply = r() < 0.3;
    out.push(`<li class="comment${reply ? ' reply' : ''}" id="c${i}"><div class="c-head"><img class="avatar" src="data:," width="32" height="32" alt=""><a class="c-author" href="/profile/${slug(name)}">${name}</a> <time datetime="2025-04-08T${String(10 + (i % 12)).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}:00Z">${1 + (i % 9)}h ago</time></div><p class="c-text">${text}</p><div class="c-actions"><a href="#reply-${i}">Reply</a> <button class="like">Like <span>${Math.floor(r() * 40)}</span></button> <a href="/report/${i}">Report</a></div></li>`);
  }
  return `<section class="comments" id="comments"><h2>Comments (${n})</h2><form class="c-form"><textarea placeholder="Join the conversation"></textarea><button>Post</button></form><div class="c-sort"><a href="?sort=new">Newest</a> <a href="?sort=old">Oldest</a> <a href="?sort=top">Top</a></div><ol class="c-list">${out.join('\n')}</ol><button class="more">Load more comments</button></section>`;
}

function newsletter() {
  const lists = ['Morning Brief', 'Security Brief', 'Markets Close', 'Weekend Reads'];
  return `<section class="newsletter"><h2>Get the Morning Brief</h2><p>The day's top stories in your inbox, before breakfast.</p><form action="/newsletter"><fieldset><legend>Newsletters</legend>${lists.map(l => `<label><input type="checkbox" name="n" value="${slug(l)}"> ${l}</label>`).join('')}</fieldset><label for="nl-email">Email</label><input id="nl-email" type="email" placeholder="you@example.com"><button>Sign up</button><p class="fine">By signing up you agree to our <a href="/terms-of-use">terms</a> and <a href="/privacy">privacy policy</a>.</p></form></section>`;
}

function footer() {
  const cols = Object.entries(SECTIONS).map(([sec, subs]) => `<div class="f-col"><h3><a href="/${slug(sec)}">${sec}</a></h3><ul>${subs.map(s => `<li><a href="/${slug(sec)}/${slug(s)}">${s}</a></li>`).join('')}${TOPICS.slice(0, 4).map(t => `<li><a href="/${slug(sec)}/topic/${slug(t)}">${t}</a></li>`).join('')}</ul></div>`).join('\n');
  const corp = ['About us', 'Contact', 'Careers', 'Advertise', 'Terms of use', 'Privacy', 'Cookies', 'Accessibility', 'Corrections', 'Standards', 'Archive', 'Sitemap', 'RSS', 'Apps', 'Podcasts', 'Events', 'Store', 'Help'];
  const social = ['Facebook', 'X', 'Instagram', 'YouTube', 'LinkedIn', 'Mastodon'];
  return `<footer class="site"><div class="f-grid">${cols}</div><ul class="corp">${corp.map(c => `<li><a href="/${slug(c)}">${c}</a></li>`).join('')}</ul><ul class="social">${social.map(s => `<li><a href="/follow/${slug(s)}" aria-label="${s}"><svg width="20" height="20" aria-hidden="true"><use href="#s-${slug(s)}"></use></svg></a></li>`).join('')}</ul><p>© 2025 Meridian Wire. All rights reserved.</p></footer>`;
}

/** Skip link, masthead with search and account links, mega-menu, breaking-news ticker. */
function siteHeader(r) {
  return `<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="top"><a class="logo" href="/">Meridian Wire</a><form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form><a href="/account">Sign in</a> <a class="sub" href="/subscribe">Subscribe</a></div>
${megaMenu(r)}
</header>
${ticker()}`;
}

const CSS = `<style>
.mega .mm{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0;margin:.4rem 0}.mm-panel{display:none}.mm-col:hover .mm-panel{display:block;position:absolute;background:#fff;padding:1rem;box-shadow:0 4px 12px #0003}
.ticker{display:flex;gap:1rem;background:#b00;color:#fff;font:14px system-ui,sans-serif;padding:.3rem 1rem;overflow:hidden;white-space:nowrap}.ticker ul{display:flex;gap:2rem;list-style:none;margin:0;padding:0}.ticker a{color:#fff}
.share ul{list-style:none;display:flex;gap:.5rem;padding:0}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.inline-related,.ad-slot{font:14px system-ui,sans-serif;border-top:1px solid #ddd;border-bottom:1px solid #ddd;margin:1.2rem 0;padding:.6rem 0}.ad-frame{min-height:250px;background:#eee}
.comments{font:15px system-ui,sans-serif;margin-top:2rem}.c-list{list-style:none;padding:0}.comment{border-top:1px solid #eee;padding:.5rem 0}.comment.reply{margin-left:2rem}
.f-grid{display:grid;grid-template-columns:repeat(5,1fr);gap:1rem}footer.site ul{display:block}
</style>`;

/** Writes one page: `head`, then the site's header, `main()`, the rail and the footer. */
function writePage(name, head, note, r, main) {
  const header = siteHeader(r); // the random draws in page order: header, main, rail
  const html = `<!doctype html>
<html lang="en">
<head>${head}</head>
<body>
<!-- generated by scripts/bench/make-pages.mjs ${note} -->
${header}
<div class="wrap">
<main id="main">
${main()}
</main>
${mostRead(r)}
</div>
${footer()}
</body>
</html>
`;
  const out = path.join(DIR, name);
  fs.writeFileSync(out, html);
  return { out, elements: (html.match(/<[a-z][a-z0-9-]*/gi) ?? []).length, links: (html.match(/<a\s/g) ?? []).length };
}

for (const story of STORIES) {
  const src = fs.readFileSync(path.join(DIR, `article-${story}.html`), 'utf8');
  const r = rng(story.split('').reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
  const head = /<head>([\s\S]*?)<\/head>/i.exec(src)[1];
  const article = /<article[^>]*>([\s\S]*?)<\/article>/i.exec(src)[1];
  const title = /<h1>([\s\S]*?)<\/h1>/i.exec(article)[1];
  const related = /<section class="related">[\s\S]*?<\/section>/i.exec(src)?.[0] ?? '';
  // Interleave related cards and ad slots between the running paragraphs (every 2nd/3rd gap).
  const parts = article.split(/(?<=<\/p>)\n/);
  let gap = 0, cards = 0, ads = 0;
  const body = parts.map((part, i) => {
    if (i === parts.length - 1 || !/^<p>(?!<)/.test(part) || i < 4) return part;
    gap++;
    if (gap % 3 === 1) return `${part}\n${adSlot(++ads)}`;
    if (gap % 3 === 2) return `${part}\n${relatedCard(r, ++cards)}`;
    return part;
  }).join('\n');
  const withShare = body.replace(/(<p class="dateline">[\s\S]*?<\/p>)/, `$1\n${shareBar(title)}`);
  const nComments = 40 + Math.floor(r() * 41);
  const { out, elements, links } = writePage(`heavy-article-${story}.html`, head.replace('</style>', '</style>\n' + CSS), `from bench/pages/article-${story}.html`, r, () => `<article>
${withShare}
${shareBar(title)}
</article>
${related}
${newsletter()}
${comments(r, nComments)}`);
  console.log(`${path.relative(process.cwd(), out)}: ${elements} elements, ${links} links, ${nComments} comments`);
}

// The front page: the same chrome around a grid of teasers (headline, standfirst, section, time).
{
  const r = rng(4242);
  const STANDFIRSTS = ['What we know so far', 'Live updates from the capital', 'The numbers behind the headline', 'Analysis: who gains, who pays', 'Pictures of the day', 'Residents react', 'Explained in five charts'];
  const teasers = Array.from({ length: 72 }, (_, i) => {
    const h = HEADLINES[(i * 7 + 3) % HEADLINES.length];
    const sec = SECTIONS_LIST[i % SECTIONS_LIST.length];
    return `<div class="teaser"><a href="/story/${1000 + i}"><img src="data:," width="160" height="90" alt=""><h3>${h}</h3></a><p class="standfirst">${STANDFIRSTS[Math.floor(r() * STANDFIRSTS.length)]}</p><p class="t-meta"><a href="/${slug(sec)}">${sec}</a> · <time>${1 + (i % 11)}h ago</time></p></div>`;
  });
  const blocks = [];
  for (let i = 0; i < teasers.length; i += 12) blocks.push(`<section class="front-block"><h2><a href="/${slug(SECTIONS_LIST[(i / 12) % SECTIONS_LIST.length])}">${SECTIONS_LIST[(i / 12) % SECTIONS_LIST.length]}</a></h2><div class="grid">${teasers.slice(i, i + 12).join('\n')}</div>${adSlot(i / 12 + 1)}</section>`);
  const { out, elements } = writePage('heavy-home.html', `
<meta charset="utf-8">
<title>Meridian Wire: news, analysis and opinion</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Breaking news, analysis and opinion from Meridian Wire.">
<meta property="og:type" content="website">
<meta property="og:title" content="Meridian Wire">
<meta property="og:site_name" content="Meridian Wire">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Meridian Wire","url":"https://meridian.example/"},{"@type":"NewsMediaOrganization","name":"Meridian Wire"}]}</script>
${CSS}
<style>.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:1rem}.teaser h3{font-size:1rem}.standfirst{color:#555}</style>
`, '(front page)', r, () => `<h1 class="sr">Meridian Wire front page</h1>
${blocks.join('\n')}
${newsletter()}`);
  console.log(`${path.relative(process.cwd(), out)}: ${elements} elements`);
}
