import type { SiteDefinition } from './types';

/**
 * DuckDuckGo: the JavaScript results page (`duckduckgo.com/?q=`), both its React markup
 * (2022 on: `li[data-layout] > article[data-testid="result"]`) and the older `.result` blocks
 * in `#links`, and the no-JS page (`html.duckduckgo.com/html/`).
 *
 * What is organic: a web result block whose title link (after unwrapping `/l/?uddg=`) leaves
 * DuckDuckGo, and which is none of the following.
 * - Ads: `.result--ad` blocks (both layouts), `[data-testid="ad"]`, the ad list item of the
 *   React page, and any link through the ad click endpoint `/y.js`.
 * - Everything the React page lays out as something other than `organic`: every list item
 *   there states its `data-layout` (`ad`, `news`, `videos`, `images`, `related_searches`,
 *   AI answers ...), so only `organic` items are read.
 * - Modules (zero-click info boxes, Search Assist / Duck.ai answers, news, videos, images,
 *   the right rail), related searches, the page separators and "more results" buttons of the
 *   infinite scroll.
 *
 * Ranks: the JS page appends further pages to the same list, so ranks simply follow document
 * order. The no-JS page states its position: `dc` is the 1-based rank of the page's first
 * result, `s` the number of results skipped (the "Next" form sends `s=10&dc=11`).
 */

const NOT_AN_AD_LINK = ':not([href*="/y.js"])';

export const duckduckgo: SiteDefinition = {
  id: 'duckduckgo',
  kind: 'serp',
  name: 'DuckDuckGo',
  hosts: ['duckduckgo.com', 'html.duckduckgo.com'],
  paths: ['/?*', '/html*'],
  queryParams: ['q'],
  paging: [
    { param: 'dc', unit: 'first-rank' },
    { param: 's', unit: 'offset' },
  ],
  selectors: {
    resultRoot: ['article[data-testid="result"]', '#links .result', '.results .result'],
    link: [
      `a[data-testid="result-title-a"]${NOT_AN_AD_LINK}`,
      `a.result__a${NOT_AN_AD_LINK}`,
      `h2 a[href]${NOT_AN_AD_LINK}`,
    ],
    title: ['[data-testid="result-title-a"]', '.result__a', 'h2'],
    snippet: ['[data-result="snippet"]', '.result__snippet'],
  },
  notOrganic: [
    '.result--ad',
    '.results--ads',
    '[data-testid="ad"]',
    'li[data-layout]:not([data-layout="organic"])',
    '.module',
    '.zci-wrapper',
    '#zero_click_wrapper',
    '.js-sidebar-modules',
    '.results--sidebar',
    '.related-searches',
    '[data-testid="related-searches"]',
    '.result--sep',
    '.result--more',
    '.result--no-result',
  ],
  hooks: {
    isOrganicTarget: (target) => !(/(^|\.)duckduckgo\.com$/.test(target.hostname) && /^\/(y\.js|l\/)/.test(target.pathname)),
  },
};
