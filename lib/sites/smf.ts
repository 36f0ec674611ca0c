import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * Simple Machines Forum 2.x: 2.1 (`div.windowbg#msg<n>`, text in `div.inner#msg_<n>`, the date
 * link in `.postinfo`, quotes `blockquote.bbc_standard_quote` with a `cite`) and 2.0
 * (`div.post_wrapper` inside an unnamed `div.windowbg`, the date in `.keyinfo .smalltext`
 * "« Reply #1 on: ... »", quotes as a `div.quoteheader` + `blockquote` pair).
 */

/** "« Reply #1 on: January 5, 2024, 10:00:00 AM »" -> the date alone. */
function smfDateText(text: string): string {
  return text
    .replace(/[«»]/g, '')
    .replace(/^[^#]*#\d+[^:]*:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const smf: ForumDefinition = {
  id: 'smf',
  kind: 'forum',
  name: 'Simple Machines Forum',
  detect: {
    generator: /simple machines|smf/i,
    selectors: ['#forumposts .post_wrapper', 'div.inner[id^="msg_"]', 'form#quickModForm .post_wrapper'],
  },
  threadTitle: ['#top_subject', 'h2.display_title', '#display_head h2', '.cat_bar h3'],
  post: ['div.windowbg[id^="msg"]', 'div.windowbg2[id^="msg"]', '#forumposts .post_wrapper'],
  author: ['.poster h4 a', '.poster h4'],
  date: ['.postinfo a.smalltext', '.postinfo .smalltext', '.keyinfo .smalltext'],
  body: ['div.inner[id^="msg_"]', '.post .inner', 'div.post'],
  exclude: [...COMMON_EXCLUDE, '.quoteheader', '.quotefooter', '.codeheader', '.modified', 'div.signature'],
  permalink: ['.postinfo a[href*="#msg"]', '.keyinfo a[href*="#msg"]', 'h5 a[href*="#msg"]', '.subject_title a[href*="msg"]'],
  hooks: { dateText: smfDateText },
};
