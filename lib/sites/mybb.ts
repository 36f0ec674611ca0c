import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * MyBB 1.8 (`div.post#post_<n>`, text in `div.post_body#pid_<n>`, quotes `blockquote.mycode_quote`)
 * and 1.6 (`table#post_<n>` with the same body). The date line also carries the edit notice
 * "(This post was last modified: ...)", which is not part of the date.
 */

export const mybb: ForumDefinition = {
  id: 'mybb',
  kind: 'forum',
  name: 'MyBB',
  detect: {
    generator: /mybb/i,
    selectors: ['[id^="post_"] .post_body[id^="pid_"]', '#posts .post .post_author', 'table[id^="post_"] .post_body'],
  },
  threadTitle: ['.navigation .active', 'td.thead strong', 'h1'],
  post: ['div.post[id^="post_"]', 'table[id^="post_"]'],
  author: ['.post_author .largetext a', '.author_information .largetext a', '.post_author strong a', '.post_author a', '.largetext a'],
  date: ['.post_date', 'td.tcat .smalltext'],
  body: ['.post_body'],
  exclude: [...COMMON_EXCLUDE, 'blockquote.mycode_quote', '.post_edit'],
  permalink: ['.post_head a[href*="#pid"]', '.post_content a[href*="#pid"]:not(blockquote a)', 'td.tcat a[href*="#pid"]'],
  hooks: {
    dateText: (text) => text.replace(/\(.*$/s, '').trim(),
  },
};
