import type { SiteDefinition } from './types';

/**
 * Google web search, every layout seen from 2009 to 2026: desktop (`div.g`, later `div.MjjYud`
 * wrappers), basic HTML / no-JS (`/url?q=` links, `div.xpd` blocks, `gbv=1`), mobile
 * (`[role=heading]` titles), 100-result pages, and the Videos / Books verticals whose result lists
 * use the same title-link markup.
 *
 * What is organic: a block whose link carries the result's title heading (`h3` or an element
 * with role=heading), whose target (after unwrapping `/url?q=`) leaves Google's result pages, and
 * which sits in none of the containers below. Not organic: text/shopping ads (top, bottom, side),
 * "People also ask", AI Overview / featured answers, knowledge panel (right column and the mobile
 * knowledge cards), top stories / news, video, image, short-video and social carousels, local
 * (map) packs, "People also search for" / related searches, "Things to know" and "Perspectives"
 * style modules, and sitelinks (they sit inside their parent result's block and are never
 * counted a second time).
 *
 * Results of the same site: an indented second result under the first (a site cluster) is a
 * result of its own, with its own rank, as Google numbers it; it is told from a sitelink by the
 * display URL (`cite`) it shows and a sitelink does not (engine/title-links.ts).
 *
 * The top block (one rule, engine/extract.ts `readBlocks`): a featured snippet is an organic
 * result, ranked where it stands (first), when the page it quotes is listed nowhere else on the
 * page, as Google has listed it since 2020 and as webis-aql, zlurad serp-parser and
 * kokoc-google-parser count it. When the page is also listed (before 2020 right below the box,
 * or anywhere further down), that listing is the result, at its own place, and the box gets no
 * item. A first result in another frame (a featured snippet's `div.g`, a wide top result) is read
 * like any other result; only the containers below make a block not organic.
 * (WebSearcher counts no featured snippet at all; its pages disagree with this rule only where a
 * snippet's page is not listed again.)
 */

/** Google's country domains (the list Google publishes as its supported domains). */
const GOOGLE_DOMAINS = [
  'google.com', 'google.ad', 'google.ae', 'google.com.af', 'google.com.ag', 'google.al', 'google.am',
  'google.co.ao', 'google.com.ar', 'google.as', 'google.at', 'google.com.au', 'google.az', 'google.ba',
  'google.com.bd', 'google.be', 'google.bf', 'google.bg', 'google.com.bh', 'google.bi', 'google.bj',
  'google.com.bn', 'google.com.bo', 'google.com.br', 'google.bs', 'google.bt', 'google.co.bw', 'google.by',
  'google.com.bz', 'google.ca', 'google.cd', 'google.cf', 'google.cg', 'google.ch', 'google.ci',
  'google.co.ck', 'google.cl', 'google.cm', 'google.cn', 'google.com.co', 'google.co.cr', 'google.com.cu',
  'google.cv', 'google.com.cy', 'google.cz', 'google.de', 'google.dj', 'google.dk', 'google.dm',
  'google.com.do', 'google.dz', 'google.com.ec', 'google.ee', 'google.com.eg', 'google.es', 'google.com.et',
  'google.fi', 'google.com.fj', 'google.fm', 'google.fr', 'google.ga', 'google.ge', 'google.gg',
  'google.com.gh', 'google.com.gi', 'google.gl', 'google.gm', 'google.gr', 'google.com.gt', 'google.gy',
  'google.com.hk', 'google.hn', 'google.hr', 'google.ht', 'google.hu', 'google.co.id', 'google.ie',
  'google.co.il', 'google.im', 'google.co.in', 'google.iq', 'google.is', 'google.it', 'google.je',
  'google.com.jm', 'google.jo', 'google.co.jp', 'google.co.ke', 'google.com.kh', 'google.ki', 'google.kg',
  'google.co.kr', 'google.com.kw', 'google.kz', 'google.la', 'google.com.lb', 'google.li', 'google.lk',
  'google.co.ls', 'google.lt', 'google.lu', 'google.lv', 'google.com.ly', 'google.co.ma', 'google.md',
  'google.me', 'google.mg', 'google.mk', 'google.ml', 'google.com.mm', 'google.mn', 'google.com.mt',
  'google.mu', 'google.mv', 'google.mw', 'google.com.mx', 'google.com.my', 'google.co.mz', 'google.com.na',
  'google.com.ng', 'google.com.ni', 'google.ne', 'google.nl', 'google.no', 'google.com.np', 'google.nr',
  'google.nu', 'google.co.nz', 'google.com.om', 'google.com.pa', 'google.com.pe', 'google.com.pg',
  'google.com.ph', 'google.com.pk', 'google.pl', 'google.pn', 'google.com.pr', 'google.ps', 'google.pt',
  'google.com.py', 'google.com.qa', 'google.ro', 'google.ru', 'google.rw', 'google.com.sa', 'google.com.sb',
  'google.sc', 'google.se', 'google.com.sg', 'google.sh', 'google.si', 'google.sk', 'google.com.sl',
  'google.sn', 'google.so', 'google.sm', 'google.sr', 'google.st', 'google.com.sv', 'google.td', 'google.tg',
  'google.co.th', 'google.com.tj', 'google.tl', 'google.tm', 'google.tn', 'google.to', 'google.com.tr',
  'google.tt', 'google.com.tw', 'google.co.tz', 'google.com.ua', 'google.co.ug', 'google.co.uk',
  'google.com.uy', 'google.co.uz', 'google.com.vc', 'google.co.ve', 'google.co.vi', 'google.com.vn',
  'google.vu', 'google.ws', 'google.rs', 'google.co.za', 'google.co.zm', 'google.co.zw', 'google.cat',
] as const;

/** A link styled as a button ("More results", "Try again", app tiles) is never a result. */
const RESULT_LINK = 'a[href]:not([role="button"])';

/** Wrappers Google has used for one result; the nearest one around a title is its block. */
const RESULT_BLOCKS = ['div.g', 'li.g', 'div.xpd', 'div.MjjYud'];
const RESULTS_COLUMN = ['#rso', '#search', '#ires', '#main', '#center_col', '#res'];
/** The green URL line every organic result shows under its title, and a sitelink never does. */
const DISPLAY_URL = ['cite'];

const isSearchHost = (hostname: string): boolean => /^(www\.)?google\.[a-z.]{2,7}$/.test(hostname);

export const google: SiteDefinition = {
  id: 'google',
  kind: 'serp',
  name: 'Google',
  hosts: GOOGLE_DOMAINS.flatMap((domain) => [domain, `www.${domain}`]),
  paths: ['/search?*'],
  queryParams: ['q', 'as_q'],
  paging: [{ param: 'start', unit: 'offset' }],
  // Advanced search sends the query in as_epq= / as_oq= / as_eq= ... with q absent and as_q empty;
  // the search box then shows the query Google ran (`"exact phrase" -excluded`). Paging is always
  // in the URL (start=), so the page is never asked for a position.
  pageState: { query: ['textarea[name="q"]', 'input[name="q"]'] },
  selectors: {
    resultRoot: RESULT_BLOCKS,
    link: [`${RESULT_LINK}:has(h3)`, `h3 ${RESULT_LINK}`, `${RESULT_LINK}:has([role="heading"])`, RESULT_LINK],
    title: ['h3', '[role="heading"]'],
    snippet: ['.VwiC3b', '[data-sncf]', '.IsZvec', 'span.st', 'div.s', '.BNeawe.s3v9rd', '.s3v9rd'],
  },
  // Desktop and basic-HTML titles are h3 headings; modules (top stories, forums, carousels) use
  // role=heading, so those are only read when a page has no h3 result at all (mobile layouts).
  titleLinks: [
    { titles: [`${RESULT_LINK} h3`, `h3 > ${RESULT_LINK}`], blocks: RESULT_BLOCKS, bounds: RESULTS_COLUMN, displayUrl: DISPLAY_URL },
    { titles: [`${RESULT_LINK} [role="heading"]`], blocks: RESULT_BLOCKS, bounds: RESULTS_COLUMN, displayUrl: DISPLAY_URL },
  ],
  notOrganic: [
    '#tads', '#tadsb', '#bottomads', '#tvcap', '.commercial-unit-desktop-top', '.commercial-unit-desktop-rhs',
    '[data-text-ad]', '.uEierd', '.ads-ad', '.pla-unit',
    '.related-question-pair', '[data-initq]', '.kno-kp', '#rhs', '.knowledge-panel',
    'g-scrolling-carousel', '.g g-section-with-header', 'top-stories', 'video-voyager', '#iur', '#imagebox_bigimages',
    '.VkpGBb', '.rllt__details', '#brs', '#bres', '.card-section', '[data-attrid="AIOverview"]',
  ],
  hooks: {
    // Redirects that could not be decoded, ad clicks and image viewers on the results host itself.
    isOrganicTarget: (target) => !(isSearchHost(target.hostname) && /^\/(url|aclk|imgres|interstitial)\b/.test(target.pathname)),
  },
};
