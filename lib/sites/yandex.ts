import type { SiteDefinition } from './types';

/**
 * Yandex web search on its country domains and ya.ru: desktop `/search/` and touch
 * `/search/touch/`, markup from 2020 (`organic__url`, `serp-item` without quotes) to the
 * React-era `OrganicTitle-Link` / `OrganicTextContentSpan` blocks.
 *
 * What is organic: a `.serp-item` of the results list whose title link (after unwrapping clck
 * counters) leaves Yandex's own result pages and which is none of the following.
 * - Ads (Yandex Direct): blocks marked `data-fast-name="direct"` or carrying the "Реклама"
 *   label classes, and every block whose title goes through the ad counter `yabs.yandex.*`
 *   (the label classes are obfuscated on newer pages; the counter host is not).
 * - Wizards ("колдунщики"): every block carrying `data-fast-name` (related searches, images,
 *   video, news, facts, entity cards, Yandex Q, stocks, companies/local packs, Market offer
 *   carousels, "Нейро"/Alice AI answers `neuro_answer`, ...), and the older wizard markup
 *   (`data-fast-wzrd`, the `composite` layout of a headline with a gallery), the right
 *   column (`card__narrow`) and fact answers.
 * - Links into Yandex's own result pages (web, images, video, news and product searches).
 *
 * Counted like organic results (as the corpus source, kokoc-yandex-parser, counts them): result
 * blocks of Yandex's own services (realty.yandex, market.yandex, yandex/maps), whether they are
 * plain results or an old-markup wizard whose headline is such a service page. Wizards marked by
 * `data-fast-name` never count, whatever they link to.
 *
 * Titles are the headline text only: the touch layout's green path and date label, and the
 * desktop position number, sit outside it. Snippets are the full extended text, without the
 * "Скрыть" (hide) toggle the corpus keeps at their end: the page marks it aria-hidden.
 *
 * Paging: `p` is the 0-based page number; a page holds 10 results unless `numdoc` says otherwise.
 */

/** Yandex's search domains covered by the extension. */
export const YANDEX_DOMAINS = ['yandex.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.com.tr', 'ya.ru'] as const;

/** The link of the result heading, in every generation of the markup. */
const TITLE_LINKS = ['a.OrganicTitle-Link', 'h2 a[href]', 'a.organic__url'];
/** The visible green path under the heading: it carries the target itself. */
const PATH_LINKS = ['a.Path-Item', '.organic__path a[href]', '.serp-url a[href]', '.serp-item__greenurl a[href]'];
/** Click counters that may hide the target (clck links, /redirect, encrypted jsredir). */
const NOT_A_COUNTER = ':not([href*="/clck/"]):not([href*="//clck."]):not([href*="/redirect?"])';

/** Yandex services whose result blocks the data counts as results. */
const SERVICE_TARGETS = ['[href*="realty.yandex."]', '[href*="market.yandex."]', '[href*="yandex."][href*="/maps" i]'];
// Compound selectors only: a combinator inside :has() is not evaluated reliably by happy-dom.
const SERVICE_HEADLINES = ['a.OrganicTitle-Link', 'a.organic__url']
  .flatMap((link) => SERVICE_TARGETS.map((target) => `${link}${target}`))
  .join(', ');

const OLD_WIZARD = `.serp-item:is([data-fast-wzrd], :has(.composite)):not(:has(${SERVICE_HEADLINES}))`;

const isYandexHost = (hostname: string): boolean => /(^|\.)(yandex\.[a-z.]{2,7}|ya\.ru)$/.test(hostname);

/** Hosts that only serve ads or click counting. */
const COUNTER_HOST = /^(yabs|an|market-click\d*)\.yandex\./;
/** Yandex's own result pages (web, images, video, news, products searches), never a result. */
const OWN_RESULT_PAGE = /^\/(search|(images|video|news|products)(\/touch)?\/(search|preview))(\/|$)/;

export const yandex: SiteDefinition = {
  id: 'yandex',
  kind: 'serp',
  name: 'Yandex',
  hosts: YANDEX_DOMAINS.flatMap((domain) => [domain, `www.${domain}`]),
  paths: ['/search/*', '/search?*'],
  queryParams: ['text'],
  paging: [
    {
      param: 'p',
      unit: 'page',
      firstPage: 0,
      pageSize: (url) => Number.parseInt(url.searchParams.get('numdoc') ?? '', 10) || 10,
    },
  ],
  selectors: {
    // One source for every generation, so an item one selector misses (a list item of
    // `#search-result` without the `serp-item` class) is still read beside the ones it finds.
    resultRoot: ['.serp-list .serp-item, #search-result > li, li.serp-item'],
    link: [
      ...TITLE_LINKS.map((link) => `${link}${NOT_A_COUNTER}`),
      ...PATH_LINKS.map((link) => `${link}${NOT_A_COUNTER}`),
      ...TITLE_LINKS,
    ],
    title: ['.OrganicTitleContentSpan', '.Organic-Title', '.organic__title', '.OrganicTitle-LinkText', '.organic__url-text', 'h2'],
    snippet: [
      '.ExtendedText-Full',
      '.extended-text__full',
      '.OrganicTextContentSpan',
      '.organic__text',
      '.TextContainer',
      '.text-container',
      '.serp-item__text',
    ],
  },
  notOrganic: [
    // Ads
    '[data-fast-name="direct"]',
    '[data-fast-name^="direct_"]',
    '.serp-adv',
    // The labels, not the Direct impression counter (`serp-adv__counter`): that pixel may sit in
    // whatever block ends the list, the last organic result included.
    '.serp-item:has(.label_theme_direct, .Label_theme_direct, .organic__advLabel, [aria-label="Реклама"])',
    // Wizards, AI answers, right column, fact answers
    '.serp-item[data-fast-name]:not([data-fast-name="organic"])',
    OLD_WIZARD,
    '.serp-item.card__narrow',
    '.serp-item:has(.fact-layout, .fact__answer)',
    '.serp-item__futuris-snippet',
    '.FuturisSearch',
    '.FuturisSearchWrapper',
    '.Root-FuturisSearchOuter',
  ],
  hooks: {
    isOrganicTarget: (target) =>
      !COUNTER_HOST.test(target.hostname) && !(isYandexHost(target.hostname) && OWN_RESULT_PAGE.test(target.pathname)),
  },
};
