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
 * order. The no-JS page states its position in its URL when it has one: `dc` is the 1-based rank
 * of the page's first result, `s` the number of results skipped.
 *
 * Query and position of POSTed no-JS pages: the search box and the "Next"/"Previous" buttons are
 * forms that POST to `/html/`, so those pages are served at a bare `/html/`. The page then states
 * the query in its forms' `q` fields. A page without a "Previous" form is the first; a later page's
 * "Next" form holds the NEXT page's `dc`/`s` (`s` = results shown so far: page 1 of ten results sends
 * `s=10&dc=11`), so this page starts as many results before that as it shows. The "Previous"
 * form's values are the previous page's, whose length the page does not give (DuckDuckGo's page
 * length varies: 10, 30, 50 ...), so they are not used; a last page (no "Next") has no known
 * position, and then no query either, so nothing is filed at wrong ranks.
 */

const NOT_AN_AD_LINK = ':not([href*="/y.js"])';
/** The no-JS page's forms (search box, "Next", "Previous"), all posting to `/html/`. */
const NOJS_FORM = 'form[action*="/html"]';

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
  pageState: {
    query: [`${NOJS_FORM} input[name="q"]`],
    laterPage: [`${NOJS_FORM} input[type="submit"][value="Previous"]`],
    nextPage: [
      { field: `${NOJS_FORM}:has(input[type="submit"][value="Next"]) input[name="dc"]`, unit: 'first-rank' },
      { field: `${NOJS_FORM}:has(input[type="submit"][value="Next"]) input[name="s"]`, unit: 'offset' },
    ],
  },
  hooks: {
    isOrganicTarget: (target) => !(/(^|\.)duckduckgo\.com$/.test(target.hostname) && /^\/(y\.js|l\/)/.test(target.pathname)),
  },
};
