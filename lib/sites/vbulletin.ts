import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * vBulletin 3, 4 and 5 in one definition (one engine, one id): vB3 puts each post in
 * `table[id=post<n>]` with the text in `div#post_message_<n>`; vB4 in `li.postcontainer#post_<n>`
 * (same text container); vB5 in `li.b-post` with the text in `.js-post__content-text`.
 * Not posts: vB4 "thanks"/"likes" rows (a `li.postcontainer` without a `post_<n>` id).
 * Quotes: `.bbcode_quote` (vB4/5, "Originally Posted by ..."), vB3's indented quote block.
 */

const POST_ID = /^post_?\d+$/;

export const vbulletin: ForumDefinition = {
  id: 'vbulletin',
  kind: 'forum',
  name: 'vBulletin',
  detect: {
    generator: /vbulletin/i,
    selectors: ['li.postcontainer[id^="post_"]', '[id^="post_message_"]', 'li.b-post .js-post__content-text', '#postlist .postbitlegacy'],
  },
  threadTitle: ['.threadtitle', '#thread-view-tab .main-title', 'h1.main-title', 'h1.threadtitle', 'td.navbar strong', '#pagetitle h1', 'h1'],
  post: ['li.postcontainer[id^="post_"]', 'li.postbitlegacy[id^="post_"]', 'li.b-post', 'table[id^="post"]'],
  author: ['a.username', '.username', '.b-userinfo .author a', '.author a', 'a.bigusername', '.bigusername'],
  date: ['span.date', '.postdate', '.b-post__timestamp time', 'time', '.thead > .normal:not([style*="float"])'],
  body: ['[id^="post_message_"] > blockquote.postcontent', '[id^="post_message_"]', '.js-post__content-text', '.postcontent', '.b-post__content'],
  exclude: [...COMMON_EXCLUDE, '.bbcode_container:has(.bbcode_quote)', 'div[style^="margin:20px"]'],
  permalink: ['a.postcounter', 'a.b-post__count', 'a[id^="postcount"]', 'a[href*="#post"]'],
  hooks: {
    isPost: (post) => post.id === '' ? post.classList.contains('b-post') : POST_ID.test(post.id),
  },
};
