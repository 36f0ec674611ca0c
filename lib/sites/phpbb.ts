import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * phpBB 3.x: prosilver and the styles built on it (Metro Blue, most custom themes: `div.post` with
 * id `p<post id>`, text in `.content`, the author line `p.author` "Post by anna » date"), and
 * subsilver2 (one `table.tablebg` per post, `b.postauthor`, text in `div.postbody`).
 * Not posts: the "Message / Author" header row some styles render as a `div.post` without an id.
 */

/** The date follows the last "»" of the author line; subsilver2 prefixes it with "Posted:". */
function phpbbDateText(text: string): string {
  const afterMarker = text.includes('»') ? text.slice(text.lastIndexOf('»') + 1) : text;
  return afterMarker.replace(/^\s*[^\s:]+:\s*(?=\D*\d)/, '').trim();
}

export const phpbb: ForumDefinition = {
  id: 'phpbb',
  kind: 'forum',
  name: 'phpBB',
  detect: {
    generator: /phpbb/i,
    selectors: ['div.post[id^="p"] .postbody .content', 'div.post[id^="p"] .postprofile', 'table.tablebg b.postauthor', 'a[href*="viewtopic.php"] ~ * .postbody'],
  },
  threadTitle: ['h2.topic-title', '#page-body > h2', 'h2 a.titles', 'a.titles', '#pagecontent h2'],
  post: ['div.post[id^="p"]', 'table.tablebg'],
  author: [
    '.author .username',
    '.author .username-coloured',
    '.author a[href*="mode=viewprofile"]',
    '.postprofile .username',
    '.postprofile .username-coloured',
    '.author strong',
    '.postprofile dt a[href*="mode=viewprofile"]',
    'b.postauthor',
  ],
  date: ['.author time', 'p.author', 'td.gensmall div[style*="float: right"]', 'td.gensmall'],
  body: ['.content', 'div.postbody'],
  exclude: [...COMMON_EXCLUDE, 'div.notice', '.quotetitle', '.quotecontent'],
  permalink: ['.author a[href*="#p"]', 'h3 a[href*="#p"]', '.postsubject a[href*="#p"]', 'a[href*="viewtopic.php?p="][href*="#p"]'],
  hooks: {
    dateText: phpbbDateText,
    // subsilver2 wraps the whole topic in a table.tablebg too: only tables holding one post's parts count.
    isPost: (post) => post.tagName !== 'TABLE' || (post.querySelector('b.postauthor') !== null && post.querySelectorAll('b.postauthor').length === 1),
  },
};
