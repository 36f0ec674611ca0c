import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * XenForo 1 (`li.message#post-<n>`, text in `blockquote.messageText`, quotes `.bbCodeQuote`) and
 * XenForo 2 (`article.message--post`, text in `.message-body .bbWrapper`, quotes
 * `blockquote.bbCodeBlock--quote`). Not posts: blocks dressed as messages without a numeric post
 * id (news and ad slots such as `li.message#post-physorg`).
 */

const POST_ID = /^(js-)?post-\d+$/;

export const xenforo: ForumDefinition = {
  id: 'xenforo',
  kind: 'forum',
  name: 'XenForo',
  detect: {
    generator: /xenforo/i,
    selectors: ['html#XF', 'html#XenForo', 'article.message--post .bbWrapper', 'li.message[id^="post-"] .messageText', '#messageList li.message'],
  },
  threadTitle: ['h1.p-title-value', '.titleBar h1', '.p-title h1', 'h1'],
  post: ['article.message--post', 'li.message[id^="post-"]', 'article.message[data-content^="post-"]'],
  author: ['.message-name', '.message-userDetails .username', '.messageUserBlock .username', '.userText .username', '.messageMeta .username', 'a.username'],
  date: ['.message-attribution-main time', '.message-attribution time', 'time.u-dt', '.messageMeta .DateTime', 'a.datePermalink .DateTime', '.DateTime'],
  body: ['.message-body .bbWrapper', '.message-content .bbWrapper', '.messageText', '.bbWrapper'],
  exclude: [...COMMON_EXCLUDE, '.bbCodeBlock--quote', '.bbCodeQuote', '.messageTextEndMarker', '.message-lastEdit', '.editDate'],
  permalink: [
    '.message-attribution-main a[href*="post-"]',
    '.message-attribution-opposite a[href*="post-"]',
    'a.datePermalink',
    'a.postNumber',
    'a[href*="/posts/"]',
  ],
  hooks: {
    isPost: (post) => POST_ID.test(post.id) || (post.id === '' && post.tagName === 'ARTICLE'),
  },
};
