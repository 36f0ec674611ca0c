// Synthetic pages for the benchmark, generated in memory so the bench needs no fixture files and no network.
// The markup follows Google's desktop result page (the shape test/fixtures/e2e/google-acme-reviews.html models):
// ads on top, `#rso > div.MjjYud > div.g` organic blocks with an `a > h3` title and a `.VwiC3b` snippet, and
// non-organic modules in between, so the extractor does the same selector work it does on a real page.

export const BENCH_BRAND = 'Northwind Dental';
export const BENCH_DOMAIN = 'northwind-dental.example';
export const BENCH_QUERY = 'northwind dental reviews';

const OPINIONS = [
  'Friendly staff and a spotless clinic, highly recommended.',
  'Waited two hours and the bill was wrong, avoid this place.',
  'Opening hours, address and phone number of the clinic.',
  'Great experience, the dentist explained every step and nothing hurt.',
  'Rude reception and they cancelled my appointment twice.',
  'Prices for implants, crowns and cleaning compared with other clinics.',
  'I would not go back: painful treatment and nobody called after.',
  'Excellent care for children, my son was not scared at all.',
];

const SITES = [
  'reviews.example.org',
  'forum.example.net',
  'citydirectory.example.com',
  'healthblog.example.io',
  'news.example.co.uk',
];

/** A deterministic organic result: who hosts it and what it says vary with the rank only. */
function organicResult(rank: number): { url: string; title: string; snippet: string } {
  const opinion = OPINIONS[rank % OPINIONS.length]!;
  if (rank === 1) {
    return { url: `https://${BENCH_DOMAIN}/`, title: `${BENCH_BRAND} — official site`, snippet: opinion };
  }
  const site = SITES[rank % SITES.length]!;
  return {
    url: `https://${site}/northwind-dental/${rank}?ref=serp`,
    title: `${BENCH_BRAND} review #${rank}: ${opinion.split(' ').slice(0, 5).join(' ')}`,
    snippet: `${opinion} ${BENCH_BRAND} patients share what happened on visit ${rank}.`,
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every fifth result goes through Google's `/url?q=` wrapper, as basic-HTML pages do, so unwrapping is exercised. */
function resultHref(url: string, rank: number): string {
  return rank % 5 === 0 ? `/url?q=${encodeURIComponent(url)}&sa=U&ved=bench${rank}` : url;
}

function organicBlock(rank: number): string {
  const result = organicResult(rank);
  return `<div class="MjjYud"><div class="g" data-hveid="${rank}"><div class="tF2Cxc"><div class="yuRUbf"><div>
  <a href="${escapeHtml(resultHref(result.url, rank))}" jsname="UWckNb"><h3 class="LC20lb">${escapeHtml(result.title)}</h3>
  <div class="notranslate"><cite role="text">${escapeHtml(new URL(result.url).hostname)}</cite></div></a></div></div>
  <div class="VwiC3b yXK7lf"><span>${escapeHtml(result.snippet)}</span></div></div></div></div>`;
}

/** Modules that are not organic results, placed where Google puts them; the extractor must skip them. */
function peopleAlsoAsk(): string {
  return `<div class="MjjYud"><div class="related-question-pair" data-initq="is northwind dental good">
  <div role="heading">Is ${BENCH_BRAND} any good?</div><a href="https://answers.example.com/northwind"><h3>Answer from a forum</h3></a>
  </div></div>`;
}

function topStories(): string {
  return `<div class="MjjYud"><g-section-with-header><div role="heading">Top stories</div><g-scrolling-carousel>
  <a href="https://news.example.com/northwind"><div role="heading">${BENCH_BRAND} opens a new branch</div></a>
  </g-scrolling-carousel></g-section-with-header></div>`;
}

/** A Google result page with `organicCount` organic results (Google serves up to 100 with `num=100`). */
export function googleSerpHtml(organicCount: number): string {
  const blocks: string[] = [];
  for (let rank = 1; rank <= organicCount; rank++) {
    blocks.push(organicBlock(rank));
    if (rank === 3) blocks.push(peopleAlsoAsk());
    if (rank === 6) blocks.push(topStories());
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(BENCH_QUERY)} - Google Search</title>
<style>body{font-family:arial,sans-serif;margin:0}#center_col{max-width:650px;margin-left:180px}.g{margin:0 0 30px}h3{font-size:20px;font-weight:400;margin:0}.VwiC3b{color:#4d5156;line-height:1.58}</style>
</head><body>
<form action="/search"><input name="q" value="${escapeHtml(BENCH_QUERY)}"></form>
<div id="main"><div id="cnt"><div id="center_col">
<div id="tads" aria-label="Ads"><div class="uEierd"><a href="https://www.googleadservices.com/pagead/aclk?adurl=https://ads.example.net/"><div role="heading">Sponsored: dental deals</div></a><div>Book now and save.</div></div></div>
<div id="search"><div id="rso">
${blocks.join('\n')}
</div></div>
<div id="botstuff"><div id="brs"><a href="/search?q=northwind+dental+prices">northwind dental prices</a></div></div>
</div></div></div>
</body></html>`;
}

/** The URL a page with `organicCount` results is served at (the num parameter Google used for 100 results). */
export function googleSerpUrl(organicCount: number): string {
  return `https://www.google.com/search?q=${encodeURIComponent(BENCH_QUERY).replace(/%20/g, '+')}&num=${organicCount}`;
}

export const BENCH_FORUM_ORIGIN = 'https://forum.dentaltalk.example';

/** The URL the generated thread is served at (a phpBB topic). */
export function forumThreadUrl(postCount: number): string {
  return `${BENCH_FORUM_ORIGIN}/viewtopic.php?t=${postCount}`;
}

/**
 * A phpBB 3 (prosilver) thread of `postCount` posts: profile column, author line with a machine-readable time,
 * text with a quote of the previous post every third reply, a link to the client every seventh post and a
 * signature every fourth, so the extractor does its exclusion and link work as on a real thread.
 */
export function forumThreadHtml(postCount: number): string {
  const title = `${BENCH_BRAND}: experiences?`;
  const posts: string[] = [];
  for (let index = 0; index < postCount; index++) {
    const id = 5000 + index;
    const author = `member${index % 9}`;
    const opinion = OPINIONS[index % OPINIONS.length]!;
    const quote = index % 3 === 2 ? `<blockquote><div><cite>member${(index - 1) % 9} wrote:</cite>${escapeHtml(OPINIONS[(index - 1) % OPINIONS.length]!)}</div></blockquote>` : '';
    const link = index % 7 === 0 ? ` See <a href="https://${BENCH_DOMAIN}/prices" class="postlink">their prices</a>.` : '';
    const signature = index % 4 === 0 ? `<div id="sig${id}" class="signature">Brushing twice a day since 1999</div>` : '';
    const time = new Date(Date.UTC(2024, 4, 1, 8, index)).toISOString();
    posts.push(`<div id="p${id}" class="post has-profile bg${(index % 2) + 1}"><div class="inner">
  <dl class="postprofile" id="profile${id}"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=${index % 9}" class="username">${author}</a></dt><dd class="profile-posts"><strong>Posts:</strong> ${index + 3}</dd></dl>
  <div class="postbody"><div id="post_content${id}"><h3><a href="./viewtopic.php?p=${id}#p${id}">Re: ${escapeHtml(title)}</a></h3>
  <p class="author"><a href="./viewtopic.php?p=${id}#p${id}" title="Post"></a><span class="responsive-hide">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=${index % 9}" class="username">${author}</a></strong> &raquo; </span><time datetime="${time}">${time.slice(0, 16).replace('T', ' ')}</time></p>
  <div class="content">${quote}${escapeHtml(`${opinion} ${BENCH_BRAND} visit number ${index + 1}.`)}${link}</div>${signature}</div></div>
  <div class="back2top"><a href="#top" class="top">Top</a></div></div></div><hr class="divider">`);
  }
  return `<!doctype html>
<html dir="ltr" lang="en-gb"><head><meta charset="utf-8"><title>${escapeHtml(title)} - Dental Talk</title>
<style>body{font-family:Verdana,sans-serif;margin:0}.post{padding:8px;margin:0 0 4px;background:#ecf3f7}.postprofile{float:right;width:22%}.postbody{width:76%}</style>
</head><body id="phpbb" class="section-viewtopic">
<div id="wrap"><div class="headerbar"><a href="./index.php">Dental Talk</a></div>
<div class="navbar"><ul class="nav-main"><li><a href="./faq.php">FAQ</a></li><li><a href="./ucp.php?mode=login">Login</a></li></ul></div>
<div id="page-body"><h2 class="topic-title"><a href="./viewtopic.php?t=${postCount}">${escapeHtml(title)}</a></h2>
${posts.join('\n')}
<form id="qr_postform" method="post" action="./posting.php?mode=reply"><textarea name="message"></textarea></form></div>
<div class="page-footer">Powered by phpBB</div></div>
</body></html>`;
}
