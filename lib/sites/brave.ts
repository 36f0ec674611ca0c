import type { SiteDefinition } from './types';

/**
 * Brave Search (`search.brave.com/search?q=`), the server-rendered page from 2021 on: every
 * block in the results column is a `.snippet` that states its kind in `data-type`.
 *
 * What is organic: a `data-type="web"` block (or, in markup that does not state a type, a plain
 * `.snippet`) whose title link leaves Brave Search. Not organic: ads (`data-type="ad"`, the
 * sponsored blocks), the AI answer / Summarizer, the infobox (right column or top), news and
 * video carousels, FAQ and discussions (forum) modules, Q&A, "rich" answers (crypto, weather,
 * calculators), location clusters, "Showing results for" notices and the page navigation.
 * Deep links under a result (`.result-cluster`) belong to that result and are never counted
 * on their own.
 *
 * Paging: `offset` is the 0-based page index (`offset=1` is page 2; the "Next" link says so),
 * and a page holds 20 web results, so page 2 starts at rank 21. Pages with fewer results
 * (deduplication, modules) still advance by 20: that is the position Brave itself gives.
 */

/** Blocks and modules whose stated type is not a web result. */
const TYPED_NOT_WEB = ['.snippet[data-type]:not([data-type="web"])', '.fdb[data-type]:not([data-type="web"])'];

export const brave: SiteDefinition = {
  id: 'brave',
  kind: 'serp',
  name: 'Brave Search',
  hosts: ['search.brave.com'],
  paths: ['/search*'],
  queryParams: ['q'],
  paging: [{ param: 'offset', unit: 'page', firstPage: 0, pageSize: 20 }],
  selectors: {
    // One source: web results the page places outside `#results` (a second batch, a layout
    // without that id) are read beside the ones inside it, not only when `#results` has none.
    resultRoot: ['#results .snippet, .snippet[data-type="web"]'],
    link: ['a.result-header[href]', 'a.heading-serpresult[href]', 'a[href]:has(.title)', 'a[href]:has(.snippet-title)', 'a[href]'],
    title: ['.snippet-title', '.search-snippet-title', '.title'],
    snippet: ['.snippet-description', '.generic-snippet .content', '.snippet-content', '.description'],
  },
  notOrganic: [
    ...TYPED_NOT_WEB,
    '#search-ad',
    '.search-ad',
    '[data-ad]',
    '#summarizer',
    '.summarizer',
    '#llm-snippet',
    '.chatllm',
    '#infobox',
    '.infobox',
    '#news-carousel',
    '#video-carousel',
    '#discussions',
    '#faq',
    '#qanda',
    '#altered-query',
    '#pagination',
    '.result-cluster',
  ],
  hooks: {
    isOrganicTarget: (target) => !/(^|\.)search\.brave\.com$/.test(target.hostname),
  },
};
