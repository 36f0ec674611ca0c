import type { SiteDefinition } from './types';

/**
 * Bing web search: the current list (`ol#b_results > li.b_algo`, titles `h2 a`, links sometimes
 * wrapped as `bing.com/ck/a?...&u=a1<base64url>`), the basic-HTML variant with the same classes,
 * and the 2010-2014 list (`ul.sb_results > li`, titles `div.sb_tlst h3 a`).
 *
 * What is organic: a result list item whose title link leaves Bing. Not organic: ads (top,
 * bottom, side and in-list), answer items (`li.b_ans`: news, videos, images, "People also
 * ask", calculators ...), the right-hand context column (knowledge panel, related searches),
 * related searches and the pagination row. Deep links (sitelinks) inside a result belong to it.
 */

const isBingHost = (hostname: string): boolean => /^(www\.|cn\.)?bing\.com$/.test(hostname);

export const bing: SiteDefinition = {
  id: 'bing',
  kind: 'serp',
  name: 'Bing',
  hosts: ['bing.com', 'www.bing.com', 'cn.bing.com'],
  paths: ['/search?*'],
  queryParams: ['q'],
  paging: [{ param: 'first', unit: 'first-rank' }],
  selectors: {
    resultRoot: ['#b_results > li.b_algo', 'li.b_algo', 'ul.sb_results > li', '#results > ul > li'],
    link: ['h2 a[href]', '.b_title a[href]', '.sb_tlst a[href]', 'h3 a[href]', 'a[href]'],
    title: ['h2', '.b_title', '.sb_tlst h3', 'h3'],
    snippet: [
      '.b_caption p',
      '.b_lineclamp4',
      '.b_lineclamp3',
      '.b_lineclamp2',
      '.b_lineclamp1',
      'p.b_algoSlug',
      '.b_snippet',
      '.b_caption',
      '.sa_mc p',
      'p',
    ],
  },
  notOrganic: [
    '.b_ad', '.b_adTop', '.b_adBottom', '.b_adLastChild', '.sb_adsWv2', '.sb_adsNv2', '.sb_add', '.b_adSlug',
    'li.b_ans', 'li.sb_ans', '#b_context', '#b_pole', '.b_rs', '#brsv3', '.b_nwsAns', '#vidans', '.b_pag', 'li.b_msg',
  ],
  hooks: {
    // Bing's own verticals (images, videos, news, maps) and undecodable click counters.
    isOrganicTarget: (target) =>
      !(isBingHost(target.hostname) && /^\/(images|videos|news|maps|shop|ck|aclick|aclk|search)\b/.test(target.pathname)),
  },
};
