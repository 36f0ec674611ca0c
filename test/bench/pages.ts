// Real-sized pages for the benchmark, generated in memory so the bench needs no fixture files and no network.
//
// Google: the desktop result page as Google served it in 2024-2025 (the shape test/fixtures/serp/google/*.html
// models, at the size of real captures: about 1,300 elements for 10 results, 5,000-6,000 for 100): the header
// with the search form, tabs, ads, `#rso > div.MjjYud > div.g` organic blocks of about 45 elements each (nested
// wrappers, favicon, site name, display URL twice, the "About this result" button, a snippet with a date and
// emphasis, sometimes a rating or inline sitelinks), "People also ask", top stories, videos, the knowledge panel,
// related searches, pagination, footer, hidden menus, and a style sheet of some 900 rules.
// phpBB: a prosilver thread as phpBB 3.3 renders it, about 50 elements per post (profile column with avatar,
// rank, post count and contact menu, post buttons, author line, text with quotes, links and signatures).
//
// Each page carries a script of its own that changes the DOM after load as the real sites' scripts do (see
// PAGE_SCRIPT): every 100-300 ms, for as long as the page is open, it toggles classes and data attributes on
// results, lazy-loads images, puts a node into the sidebar and takes it out again, updates a counter inside a
// result, and appends one block of related searches once. The schedule is seeded, so the page changes the same
// way with and without the extension; each change is logged in `window.__benchMutations` (time and kind).
import { seededRandom } from '../support/prng.ts';

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

const SITE_NAMES = ['Reviews Example', 'Example Forum', 'City Directory', 'Health Blog', 'Example News'];

/** A one-pixel image: lazy-loaded images get it as their src (a data: URL, so no request leaves the page). */
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
const ICON_PATH = 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z';

/** A deterministic organic result: who hosts it and what it says vary with the rank only. */
function organicResult(rank: number): { url: string; title: string; snippet: string; siteName: string } {
  const opinion = OPINIONS[rank % OPINIONS.length]!;
  if (rank === 1) {
    return { url: `https://${BENCH_DOMAIN}/`, title: `${BENCH_BRAND} — official site`, snippet: opinion, siteName: BENCH_BRAND };
  }
  const site = SITES[rank % SITES.length]!;
  return {
    url: `https://${site}/northwind-dental/${rank}?ref=serp`,
    title: `${BENCH_BRAND} review #${rank}: ${opinion.split(' ').slice(0, 5).join(' ')}`,
    snippet: `${opinion} ${BENCH_BRAND} patients share what happened on visit ${rank}.`,
    siteName: SITE_NAMES[rank % SITES.length]!,
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every fifth result goes through Google's `/url?q=` wrapper, as basic-HTML pages do, so unwrapping is exercised. */
function resultHref(url: string, rank: number): string {
  return rank % 5 === 0 ? `/url?q=${encodeURIComponent(url)}&sa=U&ved=bench${rank}` : url;
}

/** Google's opaque tracking tokens (data-ved, data-hveid): deterministic, of the real length. */
function token(random: () => number, length = 44): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let text = '0ahUKEw';
  while (text.length < length) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/** An icon as Google and phpBB draw them: an inline SVG of `paths` paths, hidden from assistive technology. */
const svgIcon = (className: string, paths = 1) =>
  `<svg class="${className}" focusable="false" aria-hidden="true" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${ICON_PATH}"></path>${'<path d="M0 0h24v24H0z" fill="none"></path>'.repeat(paths - 1)}</svg>`;

/** The "About this result" control every result has: a button in five wrappers, and its menu, empty until opened. */
function aboutThisResult(random: () => number): string {
  return `<div class="csDOgf BCF2pd L48a4c"><div jscontroller="exgaYe" data-id="atritem-${token(random, 20)}" jsdata="l7Bhpb;_;CIVu1M" jsaction="rcuQ6b:npT2md"><div><div jsdata="xM2nKe;_;CIVu1K" jscontroller="VOcDpd" jsshadow="" jsaction="rcuQ6b:npT2md;h5M12e;" data-ved="${token(random)}"><div jsslot=""><div jsname="I3kE2c" class="MJ8UF iTPLzd rNSxBe eY4mx lUn2nc" style="position:absolute;right:0;height:36px;width:28px" aria-label="About this result" role="button" tabindex="0"><span jsname="czHhOd" class="D6lY4c mBswFe"><span jsname="Bil8Ae" class="xTFaxe z1asCe" style="height:18px;line-height:18px;width:18px">${svgIcon('', 1)}</span></span></div></div></div></div><div class="atr-menu" jsname="dTDiAc" aria-hidden="true"></div></div></div>`;
}

/** The favicon, site name and display URL, as Google shows them under a title (and again beside it for layout). */
function displayUrl(result: { url: string; siteName: string }, lazy: boolean): string {
  const parsed = new URL(result.url);
  const path = parsed.pathname.split('/').filter(Boolean).join(' › ');
  const image = lazy
    ? `<img class="XNo5Ab" data-src="${PIXEL}" style="height:18px;width:18px" alt="" aria-hidden="true">`
    : `<img class="XNo5Ab" src="${PIXEL}" style="height:18px;width:18px" alt="" aria-hidden="true">`;
  return `<div class="q0vns"><span class="H9lube"><div class="eqA2re NjwKYd Vwoesf" aria-hidden="true">${image}</div></span><div class="CA5RN"><div><span class="VuuXrf">${escapeHtml(result.siteName)}</span></div><div class="byrV5b"><cite class="qLRx3b tjvcx GvPZzd cHaqb" role="text">https://${escapeHtml(parsed.hostname)}<span class="ylgVCe ob9lvb" role="text">${path ? ` › ${escapeHtml(path)}` : ''}</span></cite></div></div></div>`;
}

function organicBlock(rank: number, random: () => number): string {
  const result = organicResult(rank);
  const [first, ...rest] = result.snippet.split(BENCH_BRAND);
  const snippet = `${escapeHtml(first ?? '')}${rest.map((part) => `<em>${escapeHtml(BENCH_BRAND)}</em>${escapeHtml(part)}`).join('')}`;
  const date = rank % 3 === 0 ? `<span class="LEwnzc Sqrs4e"><span>${(rank % 28) + 1} Mar 2025</span> — </span>` : '';
  const rating =
    rank % 4 === 2
      ? `<div class="kb0PBd A9Y9g" data-snf="mCCBcf"><div class="fG8Fp uo4vr"><g-review-stars><span class="z3HNkc" aria-label="Rated ${(3 + (rank % 3) * 0.5).toFixed(1)} out of 5" role="img"><span style="width:${60 + (rank % 3) * 10}px"></span></span></g-review-stars> <span class="yi40Hd YrbPuc">${(3 + (rank % 3) * 0.5).toFixed(1)}</span><span class="RDApEe YrbPuc">(${rank * 7})</span> · <span class="hjKLBd">Review by a patient</span></div></div>`
      : '';
  const sitelinks =
    rank % 7 === 1
      ? `<div class="kb0PBd A9Y9g" data-snf="GuLy6c"><div class="HiHjCd">${['Prices', 'Contact', 'Our team', 'Book online']
          .map((label, index) => `<span class="VuuXrf"><a class="fl" href="${escapeHtml(new URL(`/${label.toLowerCase().replace(/ /g, '-')}`, result.url).href)}" data-ved="${token(random)}">${label}</a></span>${index < 3 ? '<span aria-hidden="true"> · </span>' : ''}`)
          .join('')}</div></div>`
      : '';
  // Its text changes while the page is open (PAGE_SCRIPT), never its height: the bench clicks rows below it.
  const counter = `<div class="kb0PBd A9Y9g" data-snf="x5WNvb"><div class="ChPIuf"><span class="bench-counter" aria-hidden="true">${rank % 10}</span> people found this helpful</div></div>`;
  return `<div class="MjjYud"><div jscontroller="SC7lYd" class="g Ww4FFb vt6azd tF2Cxc asEBEc" lang="en" style="width:600px" jsaction="QyLbLe:OMITjf;ewaord:qsYrDe" data-hveid="CA${rank}QAA" data-ved="${token(random)}" data-rank="${rank}"><div class="N54PNb BToiNc" data-snc="ih6Jnb_lb3xNe"><div class="kb0PBd A9Y9g jGGQ5e" data-snf="x5WNvb" data-snhf="0"><div class="yuRUbf"><div><span jscontroller="msmzHf" jsaction="rcuQ6b:npT2md;PYDNKe:bLV6Bd;mLt3mc"><a jsname="UWckNb" href="${escapeHtml(resultHref(result.url, rank))}" data-ved="${token(random)}" ping="/url?sa=t&amp;source=web&amp;rct=j&amp;ved=${token(random)}"><br><h3 class="LC20lb MBeuO DKV0Md">${escapeHtml(result.title)}</h3><div class="notranslate HGLrXd NJjxre iUh30 ojE3Fb">${displayUrl(result, rank > 4)}</div></a></span><div class="B6fmyf byrV5b Mg1HEd" aria-hidden="true"><div class="HGLrXd iUh30 ojE3Fb"><div class="q0vns"><span class="H9lube"><div class="eqA2re NjwKYd" style="height:18px;width:18px"></div></span><div class="CA5RN"><div><span class="VuuXrf">${escapeHtml(result.siteName)}</span></div><div class="byrV5b"><cite class="qLRx3b tjvcx GvPZzd cHaqb" role="text">${escapeHtml(new URL(result.url).hostname)}</cite></div></div></div></div>${aboutThisResult(random)}</div></div></div></div><div class="kb0PBd A9Y9g" data-sncf="1" data-snf="nke7rc"><div class="VwiC3b yXK7lf p4wth r025kc hJNv6b Hdw6tb" style="-webkit-line-clamp:2">${date}<span>${snippet}</span></div></div>${rating}${sitelinks}${counter}</div></div></div>`;
}

/** "People also ask": four questions whose answers (with a link and a title of their own) stay folded. */
function peopleAlsoAsk(random: () => number): string {
  const questions = ['Is Northwind Dental any good?', 'How much does a check-up cost at Northwind Dental?', 'Does Northwind Dental treat children?', 'Where is Northwind Dental?'];
  return `<div class="MjjYud"><div class="Wt5Tfe" jscontroller="aD8OEe" data-ved="${token(random)}"><div class="cUnQKe"><div class="O3JH7" role="heading" aria-level="2"><span>People also ask</span></div><div jsname="N760b" class="LQCGqc">${questions
    .map(
      (question, index) =>
        `<div class="related-question-pair" data-initq="${escapeHtml(question)}" data-q="${escapeHtml(question)}" data-lk="" jsname="yEVEwb"><div jsname="tJHJj" class="dnXCYb" role="button" tabindex="0" aria-expanded="false"><div class="JlqpRe"><span>${escapeHtml(question)}</span></div><div class="L3Ezfd" aria-hidden="true">${svgIcon('')}</div></div><div class="bCOlv" jsname="NRdf4c" style="display:none"><div class="wDYxhc"><span class="hgKElc">${escapeHtml(OPINIONS[index]!)}</span></div><div class="yuRUbf"><a href="https://answers.example.com/northwind/${index}"><h3 class="LC20lb">Answer ${index + 1} from a forum</h3><cite>answers.example.com</cite></a></div></div></div>`,
    )
    .join('')}</div><div class="Wlm4Wd"><span class="kp-feedback">Feedback</span></div></div></div></div>`;
}

function topStories(random: () => number): string {
  return `<div class="MjjYud"><div class="yG4QQe TBC9ub" data-hveid="CAUQAA" data-ved="${token(random)}"><g-section-with-header class="yG4QQe"><div class="e2BEnf U7izfe"><div role="heading" aria-level="2" class="mCBkyc">Top stories</div></div><g-scrolling-carousel class="F8yfEe"><div class="EDblX DAVP1">${[0, 1, 2]
    .map(
      (index) =>
        `<g-inner-card class="ZXSQxc"><a class="WlydOe" href="https://news.example.com/northwind/${index}" data-ved="${token(random)}"><div class="Z3WWZb"><img class="YQ4gaf" data-src="${PIXEL}" alt="" style="width:92px;height:92px"></div><div class="iRPxbe"><div class="MgUUmf"><span>Example News</span></div><div role="heading" class="n0jPhd ynAwRc">${escapeHtml(BENCH_BRAND)} opens branch ${index + 2}</div><div class="OSrXXb"><span class="bench-age">${index + 2} hours ago</span></div></div></a></g-inner-card>`,
    )
    .join('')}</div></g-scrolling-carousel></g-section-with-header></div></div>`;
}

function videos(random: () => number): string {
  return `<div class="MjjYud"><video-voyager><div class="e2BEnf"><div role="heading" aria-level="2">Videos</div></div><div class="Mh2vXd">${[0, 1, 2]
    .map(
      (index) =>
        `<div class="RzdJxc" data-ved="${token(random)}"><a href="https://video.example.com/watch?v=nw${index}"><div class="uhHOwf"><img data-src="${PIXEL}" alt="" style="width:160px;height:90px"><span class="J1mWY">${index + 3}:1${index}</span></div><div class="fc9yUc" role="heading">${escapeHtml(BENCH_BRAND)} tour, part ${index + 1}</div></a><div class="Sg4azc"><span>YouTube</span> · <span>Northwind TV</span></div></div>`,
    )
    .join('')}</div></video-voyager></div>`;
}

function searchHeader(random: () => number): string {
  const suggestions = Array.from({ length: 10 }, (_, index) => `<li class="sbct" role="presentation"><div class="eIPGRd" role="option"><div class="sbic">${svgIcon('')}</div><div class="pcTkSc"><span>${escapeHtml(BENCH_QUERY)} ${['prices', 'near me', 'hours', 'implants', 'children', 'emergency', 'careers', 'phone', 'address', 'parking'][index]}</span></div></div></li>`).join('');
  return `<div id="searchform" class="CvDJxb minidiv"><div class="sfbg"></div><form class="tsf" action="/search" id="tsf" role="search" method="GET" name="f" data-submitfalse="q"><div class="A8SBwf"><div class="logo Ib7Efc"><a href="https://www.google.com/webhp?hl=en" title="Go to Google Home" id="logo" data-hveid="8"><svg class="lnXdpd" aria-label="Google" height="30" role="img" viewBox="0 0 272 92" width="92" xmlns="http://www.w3.org/2000/svg">${'<path d="M115.75 47.18c0 12.77-9.99 22.18-22.25 22.18s-22.25-9.41-22.25-22.18C71.25 34.32 81.24 25 93.5 25s22.25 9.32 22.25 22.18z" fill="#EA4335"></path>'.repeat(6)}</svg></a></div><div class="RNNXgb" jsname="RNNXgb"><div class="SDkEP"><div class="a4bIc" jsname="gLFyf"><textarea class="gLFyf" aria-controls="Alh6id" aria-owns="Alh6id" autofocus="" title="Search" aria-label="Search" name="q" role="combobox" rows="1" maxlength="2048">${escapeHtml(BENCH_QUERY)}</textarea></div><div class="dRYYxd"><div class="BKRPef M2vV3" jsname="RP0xob" role="button" tabindex="0" aria-label="Clear"><span class="ExCKkf z1asCe rzyADb">${svgIcon('')}</span></div><span class="ACRAdd"></span><div class="XDyW0e" role="button" tabindex="0" aria-label="Search by voice">${svgIcon('goxjub', 4)}</div><div class="nDcEnd" role="button" tabindex="0" aria-label="Search by image">${svgIcon('Gdd5U', 4)}</div></div></div><button class="HZVG1b Tg7LZd" aria-label="Search" type="submit"><div class="zgAlFc"><span class="z1asCe MZy1Rb">${svgIcon('')}</span></div></button></div><div class="UUbT9 EyBRub" style="display:none" aria-label="Suggestions" jsname="UUbT9"><div class="mkHrUc" id="Alh6id" role="presentation"><div class="erkvQe"><ul class="G43f7e" role="listbox">${suggestions}</ul></div></div></div></div><div class="bqP5ud"><div class="gb_Ea gb_3d gb_Ld" id="gb"><div class="gb_Ad"><a class="gb_B" aria-label="Google apps" href="https://www.google.com/intl/en/about/products" role="button" tabindex="0">${svgIcon('gb_E', 2)}</a></div><a class="gb_Aa gb_jd gb_Ed" href="https://accounts.google.com/ServiceLogin" data-ved="${token(random)}"><span class="gb_Id">Sign in</span></a></div></div><input name="sca_esv" type="hidden" value="${token(random, 20)}"><input name="source" type="hidden" value="hp"></form></div>`;
}

function tabs(random: () => number): string {
  const names = ['All', 'Images', 'Maps', 'News', 'Videos', 'Shopping', 'Web', 'Books', 'Flights', 'Finance'];
  const tabLinks = names
    .map((name, index) => `<div class="${index === 0 ? 'YmvwI hdtb-msel' : 'YmvwI'}" role="listitem"><a class="nPDzT T3FoJb" href="/search?q=${encodeURIComponent(BENCH_QUERY)}&amp;tbm=${name.toLowerCase()}" data-hveid="CA${index}QAA" data-ved="${token(random)}"><div class="GKS7s" jsname="bVqjv"><span class="FMKtTb UqcIvb" jsname="pIvPIe">${name}</span></div></a></div>`)
    .join('');
  return `<div id="hdtb" role="navigation"><div id="hdtb-msb"><div class="MUFPAc" role="list">${tabLinks}<g-popup jsname="V68bde" class="bench-more"><div class="LatpMc" role="button" tabindex="0" aria-expanded="false"><span>More</span>${svgIcon('')}</div><div class="EwsJzb" style="display:none" jsname="V68bde"><g-menu class="Kn1Yec" role="menu">${['Forums', 'Flights', 'Finance', 'Hotels'].map((item) => `<g-menu-item class="EpPYLd" role="menuitem"><a href="/search?q=northwind&amp;udm=${item.length}">${item}</a></g-menu-item>`).join('')}</g-menu></div></g-popup></div><div class="t2vtad" role="button" tabindex="0" aria-expanded="false">Tools</div></div><div id="hdtbMenus" class="hdtb-td-c" style="display:none"><div class="hdtb-mn-hd"><span>Any time</span></div><ul class="hdtbU">${['Past hour', 'Past 24 hours', 'Past week', 'Past month', 'Past year'].map((range) => `<li class="hdtbItm"><a class="q qs" href="/search?q=northwind&amp;tbs=qdr:${range.length}">${range}</a></li>`).join('')}</ul></div></div>`;
}

function ads(random: () => number): string {
  return `<div id="tvcap"><div id="tads" aria-label="Ads"><h1 class="bNg8Rb">Ads</h1>${[0, 1]
    .map(
      (index) =>
        `<div class="uEierd" data-text-ad="1"><div class="v5yQqb"><a class="sVXRqc" href="https://www.googleadservices.com/pagead/aclk?sa=L&amp;ai=${token(random, 30)}&amp;adurl=https://ads${index}.example.net/" data-ved="${token(random)}"><div class="CCgQ5 vCa9Yd QfkTvb N8QANc MUxGbd v0nnCb" role="heading" aria-level="3"><span>Sponsored: dental deals ${index + 1}</span></div><div class="d8lRkd"><span class="U3A9Ac qV8iec">Sponsored</span><span class="x2VHCd OSrXXb ob9lvb" role="text">ads${index}.example.net</span></div></a></div><div class="p4wth"><div class="MUxGbd yDYNvb lyLwlc">Book now and save 20% on your first visit. Same-day appointments.</div></div><div class="bOeY0b"><div class="MhgNwc"><span><a href="https://ads${index}.example.net/offers">Offers</a></span> · <span><a href="https://ads${index}.example.net/contact">Contact</a></span></div></div></div>`,
    )
    .join('')}</div></div>`;
}

function knowledgePanel(random: () => number): string {
  const facts = ['Address', 'Hours', 'Phone', 'Appointments', 'Founded', 'Providers']
    .map((fact, index) => `<div class="wDYxhc" data-attrid="kc:/local:${fact.toLowerCase()}" data-ved="${token(random)}"><div class="zloOqf PZPZlf"><span class="w8qArf"><a class="fl" href="/search?q=northwind+${fact.toLowerCase()}">${fact}</a>: </span><span class="LrzXr">${escapeHtml(['12 Harbour Road, Northwind', 'Open · Closes 6 pm', '+1 555 0100', 'northwind-dental.example', '1998', 'Dr. Ames, Dr. Boyd'][index]!)}</span></div></div>`)
    .join('');
  const related = Array.from({ length: 6 }, (_, index) => `<div class="IAznY"><a href="/search?q=dental+clinic+${index}" class="EbH0bb"><div class="Q6mOWb"><img data-src="${PIXEL}" alt="" style="width:72px;height:72px"></div><div class="fl ellip">Dental clinic ${index + 1}</div></a></div>`).join('');
  return `<div id="rhs" class="TQc1id" role="complementary" data-hveid="CAIQAA"><div class="kp-wholepage kno-kp" jscontroller="sBqjh"><div class="I6TXqe"><div class="osrp-blk"><div class="kp-header"><div class="SPZz6b"><h2 class="qrShPb" data-attrid="title"><span>${escapeHtml(BENCH_BRAND)}</span></h2><div class="wwUB2c PZPZlf"><span class="YhemCb">Dental clinic in Northwind</span></div></div><div class="Rc9nXe">${[0, 1, 2, 3].map(() => `<div class="eA0Zlc"><img data-src="${PIXEL}" alt="" style="width:96px;height:96px"></div>`).join('')}</div></div><div class="Ss2Faf zbA8Me qLYAZd"><span class="Aq14fc" aria-hidden="true">4.3</span><g-review-stars><span class="z3HNkc" aria-label="Rated 4.3 out of 5" role="img"><span style="width:60px"></span></span></g-review-stars><span><a href="#lrd" class="hqzQac"><span>214 Google reviews</span></a></span></div><div class="kno-rdesc"><span>${escapeHtml(BENCH_BRAND)} is a family dental practice offering check-ups, implants and emergency care.</span></div>${facts}<div class="kp-blk-related"><div role="heading" aria-level="3">People also search for</div><div class="Dd0Sgb">${related}</div></div><div class="kno-ftr"><span class="kp-feedback">Feedback</span></div><div class="bench-sidebar" aria-live="polite"></div></div></div></div></div>`;
}

function relatedSearches(): string {
  const queries = ['prices', 'implants', 'complaints', 'opening hours', 'emergency', 'children', 'parking', 'insurance'];
  return `<div id="bres"><div class="ULSxyf"><div class="oIk2Cb"><div class="y6Uyqe"><div class="adDDi" role="heading" aria-level="2">People also search for</div><div class="y6Uyqe">${queries
    .map((query) => `<div class="s75CSd OhScic AB4Wff"><a class="ngTNl ggLgoc" href="/search?q=${encodeURIComponent(`northwind dental ${query}`)}"><div class="aXBZVd" aria-hidden="true">${svgIcon('')}</div><div class="e2BEnf"><b>northwind dental</b> ${query}</div></a></div>`)
    .join('')}</div></div></div></div></div>`;
}

function pagination(): string {
  const pages = Array.from({ length: 10 }, (_, index) => `<td>${index === 0 ? '<span class="SJajHc YyVfkd" aria-hidden="true"></span>1' : `<a aria-label="Page ${index + 1}" class="fl" href="/search?q=northwind&amp;start=${index * 10}"><span class="SJajHc NVbCr" aria-hidden="true"></span>${index + 1}</a>`}</td>`).join('');
  return `<div id="foot" role="navigation"><h1 class="Uo8X3b OhScic zsYMMe">Page navigation</h1><table class="AaVjTc" role="presentation"><tbody><tr jsname="TeSSVd">${pages}<td class="d6cvqb BBwThe"><a id="pnnext" href="/search?q=northwind&amp;start=10"><span class="oeN89d">Next</span></a></td></tr></tbody></table></div>`;
}

function footer(): string {
  return `<div id="sfooter"><div id="fbar"><div class="fbar b2hzT"><div class="b0KoTc"><span class="unknown_loc"></span><span class="EYqSq">Northwind</span> - <span class="fGSRAc">From your IP address</span> - <span class="HTMvM">Update location</span></div><div class="B4GxFc"><span class="Fx4vi"><a href="https://support.google.com/websearch/?p=ws_results_help">Help</a></span><span class="Fx4vi"><a href="https://www.google.com/tools/feedback">Send feedback</a></span><span class="Fx4vi"><a href="https://policies.google.com/privacy">Privacy</a></span><span class="Fx4vi"><a href="https://policies.google.com/terms">Terms</a></span></div></div></div></div>`;
}

/**
 * A Google-sized style sheet: rules for the page's own class names and several hundred more (Google inlines the
 * CSS of every module it may show), with the rules that hide folded answers, menus and suggestions.
 */
function googleStyleSheet(random: () => number): string {
  const rules: string[] = [
    'body{font-family:arial,sans-serif;margin:0;color:#202124}',
    'svg{width:20px;height:20px;vertical-align:middle;fill:currentColor}',
    '.lnXdpd{width:92px;height:30px}',
    '.gb_E,.goxjub,.Gdd5U{width:24px;height:24px}',
    '#searchform{position:relative;height:72px}',
    '#main{display:flex}',
    '#center_col{width:652px;margin-left:180px}',
    '#rhs{margin-left:60px;width:372px}',
    '.g{margin:0 0 30px;line-height:1.58}',
    'h3{font-size:20px;font-weight:400;margin:0 0 3px}',
    '.VwiC3b{color:#4d5156;font-size:14px}',
    '.VwiC3b em{font-weight:700;font-style:normal}',
    '.B6fmyf{position:absolute;top:0;visibility:hidden}',
    '.atr-menu{display:none}',
    '.Ww4FFb.hover .LC20lb{text-decoration:underline}',
    '.z3HNkc{display:inline-block;width:70px;height:13px;background:#fbbc04}',
    '.tF2Cxc.Rdl3mc{background:#f8f9fa}',
  ];
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const name = () => Array.from({ length: 6 }, () => letters[Math.floor(random() * letters.length)]).join('');
  const properties = ['margin:0 4px', 'padding:8px 0', 'color:#70757a', 'font-size:14px', 'line-height:22px', 'display:inline-block', 'border-radius:8px', 'overflow:hidden', 'white-space:nowrap', 'text-overflow:ellipsis', 'position:relative', 'vertical-align:middle'];
  for (let rule = 0; rule < 900; rule++) {
    const selector = rule % 5 === 0 ? `.${name()} .${name()}` : rule % 7 === 0 ? `.${name()}:hover` : `.${name()}`;
    rules.push(`${selector}{${properties[rule % properties.length]};${properties[(rule * 7 + 3) % properties.length]}}`);
  }
  return rules.join('\n');
}

/** What Google's inline scripts hold in their place: JSON state parsed by the page, no behaviour. */
function inlineState(random: () => number): string {
  const state = Array.from({ length: 40 }, (_, index) => `"${token(random, 12)}":[${index},"${token(random, 24)}",null,true]`).join(',');
  return `<script nonce="bench">window.google=window.google||{};google.kEI='${token(random, 22)}';google.sn='web';google.ldi={${state}};</script>`;
}

/**
 * The page's own script: changes the DOM every 100-300 ms as a real engine's or forum's scripts do after
 * load, for as long as the page is open, and logs each change (`window.__benchMutations`: ms since navigation
 * start and kind). Kinds: `class` toggles a class on an item (hover), `attribute` rewrites a tracking
 * attribute on an item, `image` lazy-loads the next image, `sidebar` puts a node into the sidebar or takes the
 * one it put there out, `counter` rewrites a counter inside an item (its text node is replaced), `append` adds
 * one block of related links once. The choice is seeded: the same sequence with and without the extension.
 */
const PAGE_SCRIPT = (config: { items: string; lazyImages: string; sidebar: string; counter: string; appendTo: string; appendHtml: string; hoverClass: string; attribute: string }) => `<script>
(() => {
  const config = ${JSON.stringify(config)};
  const log = (window.__benchMutations = []);
  let state = 20250601;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  let appended = false;
  let inSidebar = null;
  let ticks = 0;
  const change = {
    class() {
      const item = pick(document.querySelectorAll(config.items));
      if (item) item.classList.toggle(config.hoverClass);
    },
    attribute() {
      const item = pick(document.querySelectorAll(config.items));
      if (item) item.setAttribute(config.attribute, 'b' + Math.floor(random() * 1e9).toString(36));
    },
    image() {
      const image = document.querySelector(config.lazyImages);
      if (image) {
        image.src = image.getAttribute('data-src');
        image.removeAttribute('data-src');
      }
    },
    sidebar() {
      const sidebar = document.querySelector(config.sidebar);
      if (!sidebar) return;
      if (inSidebar) {
        inSidebar.remove();
        inSidebar = null;
        return;
      }
      inSidebar = document.createElement('div');
      inSidebar.className = 'bench-toast';
      inSidebar.innerHTML = '<span class="bench-toast-text">3 people are looking at this now</span><button type="button" aria-label="Dismiss">×</button>';
      sidebar.append(inSidebar);
    },
    counter() {
      const counter = pick(document.querySelectorAll(config.counter));
      if (counter) counter.textContent = String(1 + Math.floor(random() * 99));
    },
    append() {
      const target = document.querySelector(config.appendTo);
      if (!target) return;
      target.insertAdjacentHTML('beforeend', config.appendHtml);
      appended = true;
    },
  };
  const kinds = ['class', 'class', 'attribute', 'image', 'image', 'sidebar', 'sidebar', 'counter', 'counter'];
  const tick = () => {
    ticks += 1;
    const kind = !appended && ticks === 8 ? 'append' : pick(kinds);
    change[kind]();
    log.push({ at: performance.now(), kind });
    setTimeout(tick, 100 + Math.floor(random() * 200));
  };
  document.addEventListener('DOMContentLoaded', () => setTimeout(tick, 100 + Math.floor(random() * 200)));
})();
</script>`;

/** A Google result page with `organicCount` organic results (Google serves up to 100 with `num=100`). */
export function googleSerpHtml(organicCount: number): string {
  const random = seededRandom(organicCount);
  const blocks: string[] = [];
  for (let rank = 1; rank <= organicCount; rank++) {
    blocks.push(organicBlock(rank, random));
    if (rank === 3) blocks.push(peopleAlsoAsk(random));
    if (rank === 6) blocks.push(topStories(random));
    if (rank === 9) blocks.push(videos(random));
  }
  const script = PAGE_SCRIPT({
    items: '#rso div.g',
    lazyImages: 'img[data-src]',
    sidebar: '#rhs .bench-sidebar',
    counter: '#rso .bench-counter',
    appendTo: '#botstuff',
    appendHtml: relatedSearches().replace('id="bres"', 'class="bench-more-results"'),
    hoverClass: 'hover',
    attribute: 'data-ved',
  });
  return `<!doctype html>
<html lang="en" itemscope itemtype="http://schema.org/SearchResultsPage"><head><meta charset="utf-8"><meta content="/images/branding/googleg/1x/googleg_standard_color_128dp.png" itemprop="image"><meta name="referrer" content="origin"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(BENCH_QUERY)} - Google Search</title>
<style>${googleStyleSheet(random)}</style>
${inlineState(random)}
</head><body jsmodel="hspDDf" jsaction="xjhTIf:.CLIENT;O2vyse:.CLIENT;IVKTfe:.CLIENT">
<div class="L3eUgb" data-hveid="1"><a class="gyPpGe" href="#main" jsname="BKxS1e" role="link" tabindex="0">Skip to main content</a><a class="gyPpGe" href="https://support.google.com/websearch/answer/181196" role="link">Accessibility help</a>
${searchHeader(random)}
<div id="appbar"><div id="result-stats">About ${organicCount * 12_345} results <nobr>(0.41 seconds)</nobr></div></div>
${tabs(random)}
<div id="main" class="main"><div id="cnt" class="e9EfHf"><div id="center_col" class="s6JM6d" role="main">
<div id="taw">${ads(random)}</div>
<div id="res" class="eqAnXb" role="main"><div id="search"><div data-hveid="CAEQAA"><h1 class="Uo8X3b OhScic zsYMMe">Search Results</h1><div id="rso" class="dURPMd">
${blocks.join('\n')}
</div></div></div></div>
<div id="botstuff"><div id="brs">${relatedSearches()}</div>${pagination()}</div>
</div>${knowledgePanel(random)}</div></div>
${footer()}
</div>
${script}
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

function forumPost(index: number, title: string): string {
  const id = 5000 + index;
  const user = index % 9;
  const author = `member${user}`;
  const opinion = OPINIONS[index % OPINIONS.length]!;
  const quote =
    index % 3 === 2
      ? `<blockquote cite="./viewtopic.php?p=${id - 1}#p${id - 1}"><div><cite><a href="./memberlist.php?mode=viewprofile&amp;u=${(index - 1) % 9}">member${(index - 1) % 9}</a> wrote: <a href="./viewtopic.php?p=${id - 1}#p${id - 1}" data-post-id="${id - 1}" aria-label="View quoted post" title="View quoted post"><i class="icon fa-arrow-circle-up fa-fw" aria-hidden="true"></i></a><span class="responsive-hide">01 May 2024, 08:${String(index - 1).padStart(2, '0')}</span></cite>${escapeHtml(OPINIONS[(index - 1) % OPINIONS.length]!)}</div></blockquote>`
      : '';
  const link = index % 7 === 0 ? ` See <a href="https://${BENCH_DOMAIN}/prices" class="postlink">their prices</a>.` : '';
  const signature = index % 4 === 0 ? `<div id="sig${id}" class="signature">Brushing twice a day since 1999 · <a href="https://smiles.example.org" class="postlink">my blog</a></div>` : '';
  const time = new Date(Date.UTC(2024, 4, 1, 8, index)).toISOString();
  const contact = ['Website', 'Private message', 'Email']
    .map((label) => `<li><a href="./ucp.php?i=pm&amp;mode=compose&amp;u=${user}" title="${label}"><span class="contact-icon pm-icon">${label}</span></a></li>`)
    .join('');
  const buttons = [
    ['Report', 'fa-exclamation'],
    ['Quote', 'fa-quote-left'],
  ]
    .map(([label, icon]) => `<li><a href="./posting.php?mode=${label!.toLowerCase()}&amp;p=${id}" title="${label}" class="button button-icon-only"><i class="icon ${icon} fa-fw" aria-hidden="true"></i><span class="sr-only">${label}</span></a></li>`)
    .join('');
  return `<div id="p${id}" class="post has-profile bg${(index % 2) + 1}"><div class="inner">
<dl class="postprofile" id="profile${id}"><dt class="has-profile-rank has-avatar"><div class="avatar-container"><a href="./memberlist.php?mode=viewprofile&amp;u=${user}" class="avatar"><img class="avatar" data-src="${PIXEL}" width="90" height="90" alt="User avatar"></a></div><a href="./memberlist.php?mode=viewprofile&amp;u=${user}" class="username">${author}</a></dt>
<dd class="profile-rank">Regular member<br><img src="${PIXEL}" alt="Regular member" title="Regular member"></dd><dd class="profile-posts"><strong>Posts:</strong> <a href="./search.php?author_id=${user}&amp;sr=posts">${index + 3}</a></dd><dd class="profile-joined"><strong>Joined:</strong> 12 Mar 2019, 10:1${user}</dd><dd class="profile-custom-field profile-phpbb_location"><strong>Location:</strong> Northwind</dd>
<dd class="profile-contact"><strong>Contact:</strong><div class="dropdown-container dropdown-left"><a href="#" class="dropdown-trigger" title="Contact ${author}"><i class="icon fa-commenting-o fa-fw icon-lg" aria-hidden="true"></i><span class="sr-only">Contact ${author}</span></a><div class="dropdown" style="display:none"><div class="pointer"><div class="pointer-inner"></div></div><div class="dropdown-contents contact-icons"><div><ul>${contact}</ul></div></div></div></div></dd></dl>
<div class="postbody"><div id="post_content${id}"><h3 ${index === 0 ? 'class="first"' : ''}><a href="./viewtopic.php?p=${id}#p${id}">Re: ${escapeHtml(title)}</a></h3>
<ul class="post-buttons">${buttons}</ul>
<p class="author"><a class="unread" href="./viewtopic.php?p=${id}#p${id}" title="Post"><i class="icon fa-file fa-fw icon-lightgray icon-md" aria-hidden="true"></i><span class="sr-only">Post</span></a><span class="responsive-hide">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=${user}" class="username">${author}</a></strong> &raquo; </span><time datetime="${time}">${time.slice(0, 16).replace('T', ' ')}</time></p>
<div class="content">${quote}${escapeHtml(`${opinion} ${BENCH_BRAND} visit number ${index + 1}.`)}${link}</div>
<div class="post-likes"><span class="bench-counter" aria-hidden="true">0</span> likes</div>${signature}</div></div>
<div class="back2top"><a href="#top" class="top" title="Top"><i class="icon fa-chevron-circle-up fa-fw icon-gray" aria-hidden="true"></i><span class="sr-only">Top</span></a></div></div></div><hr class="divider">`;
}

function forumPagination(postCount: number): string {
  return `<div class="pagination">${postCount} posts<ul><li class="active"><span>1</span></li>${[2, 3, 4].map((page) => `<li><a class="button" href="./viewtopic.php?t=${postCount}&amp;start=${(page - 1) * postCount}" role="button">${page}</a></li>`).join('')}<li class="arrow next"><a class="button button-icon-only" href="./viewtopic.php?t=${postCount}&amp;start=${postCount}" rel="next" role="button"><i class="icon fa-chevron-right fa-fw" aria-hidden="true"></i><span class="sr-only">Next</span></a></li></ul></div>`;
}

function forumActionBar(postCount: number, where: 'top' | 'bottom'): string {
  return `<div class="action-bar bar-${where}"><a href="./posting.php?mode=reply&amp;t=${postCount}" class="button" title="Post a reply"><span>Post Reply</span> <i class="icon fa-reply fa-fw" aria-hidden="true"></i></a><div class="dropdown-container dropdown-button-control topic-tools"><span title="Topic tools" class="button button-secondary dropdown-trigger dropdown-select"><i class="icon fa-wrench fa-fw" aria-hidden="true"></i><span class="caret"><i class="icon fa-sort-down fa-fw" aria-hidden="true"></i></span></span><div class="dropdown" style="display:none"><ul class="dropdown-contents">${['Print view', 'Bookmark', 'Subscribe'].map((tool) => `<li><a href="./viewtopic.php?t=${postCount}&amp;view=${tool.length}" title="${tool}"><i class="icon fa-print fa-fw" aria-hidden="true"></i><span>${tool}</span></a></li>`).join('')}</ul></div></div><div class="search-box" role="search"><form method="get" id="topic-search-${where}" action="./search.php"><fieldset><input class="inputbox search tiny" type="search" name="keywords" size="20" placeholder="Search this topic…"><button class="button button-search" type="submit" title="Search"><i class="icon fa-search fa-fw" aria-hidden="true"></i><span class="sr-only">Search</span></button></fieldset></form></div>${forumPagination(postCount)}</div>`;
}

function forumHeader(): string {
  const navLinks = ['FAQ', 'Members', 'Team', 'Rules', 'Calendar', 'Gallery']
    .map((label) => `<li><a href="./${label.toLowerCase()}.php" rel="help" title="${label}" role="menuitem"><i class="icon fa-question-circle fa-fw" aria-hidden="true"></i><span>${label}</span></a></li>`)
    .join('');
  return `<div class="headerbar" role="banner"><div class="inner"><div id="site-description" class="site-description"><a id="logo" class="logo" href="./index.php" title="Board index"><span class="site_logo"></span></a><h1>Dental Talk</h1><p>Patients talk about dentists</p><p class="skiplink"><a href="#start_here">Skip to content</a></p></div><div id="search-box" class="search-box search-header" role="search"><form action="./search.php" method="get" id="search"><fieldset><input name="keywords" id="keywords" type="search" maxlength="128" title="Search for keywords" class="inputbox search tiny" size="20" placeholder="Search…"><button class="button button-search" type="submit" title="Search"><i class="icon fa-search fa-fw" aria-hidden="true"></i><span class="sr-only">Search</span></button><a href="./search.php" class="button button-search-end" title="Advanced search"><i class="icon fa-cog fa-fw" aria-hidden="true"></i><span class="sr-only">Advanced search</span></a></fieldset></form></div></div></div>
<div class="navbar" role="navigation"><div class="inner"><ul id="nav-main" class="nav-main linklist" role="menubar"><li id="quick-links" class="quick-links dropdown-container responsive-menu" data-skip-responsive="true"><a href="#" class="dropdown-trigger"><i class="icon fa-bars fa-fw" aria-hidden="true"></i><span>Quick links</span></a><div class="dropdown" style="display:none"><div class="pointer"><div class="pointer-inner"></div></div><ul class="dropdown-contents" role="menu">${navLinks}</ul></div></li>${navLinks}<li class="rightside" data-skip-responsive="true"><a href="./ucp.php?mode=login" title="Login" accesskey="x" role="menuitem"><i class="icon fa-power-off fa-fw" aria-hidden="true"></i><span>Login</span></a></li></ul><ul id="nav-breadcrumbs" class="nav-breadcrumbs linklist navlinks" role="menubar"><li class="breadcrumbs" itemscope itemtype="https://schema.org/BreadcrumbList"><span class="crumb" itemtype="https://schema.org/ListItem" itemprop="itemListElement" itemscope><a href="./index.php" itemtype="https://schema.org/Thing" itemscope itemprop="item" accesskey="h"><i class="icon fa-home fa-fw"></i><span itemprop="name">Board index</span></a></span><span class="crumb"><a href="./viewforum.php?f=3"><span>Clinics</span></a></span></li></ul></div></div>`;
}

function forumFooter(): string {
  const forums = Array.from({ length: 24 }, (_, index) => `<li><a href="./viewforum.php?f=${index + 1}" class="jumpbox-sub-link"><span class="spacer"></span><span>↳ &nbsp; Forum ${index + 1}</span></a></li>`).join('');
  return `<div class="action-bar actions-jump"><p class="jumpbox-return"><a href="./viewforum.php?f=3" class="left-box arrow-left" accesskey="r"><i class="icon fa-angle-left fa-fw icon-black" aria-hidden="true"></i><span>Return to “Clinics”</span></a></p><div class="jumpbox dropdown-container dropdown-container-right dropdown-up dropdown-left dropdown-button-control" id="jumpbox"><span title="Jump to" class="button button-secondary dropdown-trigger dropdown-select"><span>Jump to</span><span class="caret"><i class="icon fa-sort-down fa-fw" aria-hidden="true"></i></span></span><div class="dropdown" style="display:none"><div class="pointer"><div class="pointer-inner"></div></div><ul class="dropdown-contents">${forums}</ul></div></div></div>
<div class="stat-block online-list"><h3>Who is online</h3><p>Users browsing this forum: <span class="bench-online">3 guests</span></p></div>
<div id="page-footer" class="page-footer" role="contentinfo"><div class="navbar" role="navigation"><div class="inner"><ul id="nav-footer" class="nav-footer linklist" role="menubar"><li class="breadcrumbs"><span class="crumb"><a href="./index.php"><i class="icon fa-home fa-fw" aria-hidden="true"></i><span>Board index</span></a></span></li><li class="rightside">All times are <span title="UTC">UTC</span></li><li class="rightside"><a href="./ucp.php?mode=delete_cookies"><i class="icon fa-trash fa-fw" aria-hidden="true"></i><span>Delete cookies</span></a></li></ul></div></div><div class="copyright"><p class="footer-row"><span class="footer-copyright">Powered by <a href="https://www.phpbb.com/">phpBB</a>® Forum Software © phpBB Limited</span></p></div><div class="bench-sidebar" aria-live="polite"></div></div>`;
}

/** prosilver's style sheet in size: several hundred rules, the ones that fold menus among them. */
function forumStyleSheet(random: () => number): string {
  const rules = [
    'body{font-family:Verdana,Helvetica,Arial,sans-serif;margin:0;padding:12px 0;font-size:10px}',
    '.post{padding:5px 10px;margin-bottom:4px;border-radius:7px;background:#ecf3f7}',
    '.bg2{background:#e1ebf2}',
    '.postprofile{float:right;width:22%;min-height:80px;border-left:1px solid #fff}',
    '.postbody{float:left;width:76%;clear:both}',
    '.content{font-family:"Lucida Grande","Trebuchet MS",Verdana,sans-serif;font-size:1.3em;line-height:1.48em}',
    '.signature{margin-top:1.5em;padding-top:.2em;border-top:1px solid transparent}',
    'blockquote{background:#ebeadd;border:1px solid #dbdbce;margin:1em 1px 1em 25px;padding:5px}',
    '.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}',
    '.post.highlight{background:#f6f4d0}',
  ];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const name = () => Array.from({ length: 7 }, () => letters[Math.floor(random() * letters.length)]).join('');
  const properties = ['margin:0 4px', 'padding:2px 5px', 'color:#105289', 'font-size:1.1em', 'line-height:1.4em', 'display:inline-block', 'border-radius:4px', 'float:left', 'clear:both'];
  for (let rule = 0; rule < 600; rule++) {
    const selector = rule % 4 === 0 ? `.${name()} .${name()}` : `.${name()}`;
    rules.push(`${selector}{${properties[rule % properties.length]};${properties[(rule * 5 + 2) % properties.length]}}`);
  }
  return rules.join('\n');
}

/**
 * A phpBB 3.3 (prosilver) thread of `postCount` posts: profile column, author line with a machine-readable
 * time, text with a quote of the previous post every third reply, a link to the client every seventh post and a
 * signature every fourth, so the extractor does its exclusion and link work as on a real thread.
 */
export function forumThreadHtml(postCount: number): string {
  const random = seededRandom(1000 + postCount);
  const title = `${BENCH_BRAND}: experiences?`;
  const posts = Array.from({ length: postCount }, (_, index) => forumPost(index, title));
  const script = PAGE_SCRIPT({
    items: 'div.post',
    lazyImages: 'img[data-src]',
    sidebar: '.bench-sidebar',
    counter: '.post .bench-counter',
    appendTo: '#page-body',
    appendHtml: `<div class="panel bench-similar"><div class="inner"><h3>Similar topics</h3><ul class="topiclist">${[1, 2, 3, 4, 5].map((topic) => `<li class="row"><dl><dt><a href="./viewtopic.php?t=${topic}" class="topictitle">Dentists in Northwind, part ${topic}</a></dt><dd class="posts">${topic * 4}</dd></dl></li>`).join('')}</ul></div></div>`,
    hoverClass: 'highlight',
    attribute: 'data-last-seen',
  });
  return `<!doctype html>
<html dir="ltr" lang="en-gb"><head><meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} - Dental Talk</title>
<link rel="alternate" type="application/atom+xml" title="Feed - Dental Talk" href="./feed.php">
<style>${forumStyleSheet(random)}</style>
</head><body id="phpbb" class="nojs notouch section-viewtopic ltr">
<div id="wrap" class="wrap"><a id="top" class="top-anchor" accesskey="t"></a>
<div id="page-header">${forumHeader()}</div>
<div id="page-body" class="page-body" role="main"><h2 class="topic-title"><a href="./viewtopic.php?t=${postCount}">${escapeHtml(title)}</a></h2>
${forumActionBar(postCount, 'top')}
${posts.join('\n')}
${forumActionBar(postCount, 'bottom')}
<form id="qr_postform" method="post" action="./posting.php?mode=reply"><div class="panel"><h2 class="quickreply-title">Quick Reply</h2><fieldset class="fields1"><textarea name="message" rows="7" cols="76" class="inputbox" title="Message body"></textarea></fieldset><fieldset class="submit-buttons"><input type="submit" accesskey="s" name="post" value="Submit" class="button1 button button-form"></fieldset></div></form>
${forumFooter()}</div></div>
${script}
</body></html>`;
}
