import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * Invision Community 4+ (`article.cPost#elComment_<n>`, text in `[data-role=commentContent]`,
 * quotes `blockquote.ipsQuote`, signature `[data-role=memberSignature]`) and IP.Board 3
 * (`div.post_block#post_id_<n>`, text in `div.post.entry-content`, quotes `blockquote.ipsBlockquote`).
 */

export const invision: ForumDefinition = {
  id: 'invision',
  kind: 'forum',
  name: 'Invision Community',
  detect: {
    generator: /invision|ip\.board/i,
    selectors: ['article.cPost[id^="elComment_"]', 'body.ipsApp [data-role="commentContent"]', 'div.post_block[id^="post_id_"]', '#ipbwrapper .post_block'],
  },
  threadTitle: ['h1.ipsType_pageTitle', '.ipsType_pageTitle', 'h1.ipsType_pagetitle', '.topic_controls + h1', 'h1'],
  post: ['article.cPost[id^="elComment_"]', 'article[id^="elComment_"]', 'div.post_block[id^="post_id_"]'],
  author: ['.cAuthorPane_author a', '.cAuthorPane_author', '.ipsComment_author a', '.author_info .fn', 'span.author', '[itemprop="creator"] [itemprop="name"]'],
  date: ['.ipsComment_meta time', 'time[datetime]', 'abbr.published', '.posted_info abbr', '.posted_info'],
  body: ['[data-role="commentContent"]', '.cPost_contentWrap .ipsType_richText', 'div.post.entry-content', '[itemprop="commentText"]'],
  exclude: [...COMMON_EXCLUDE, '.ipsQuote', '.ipsBlockquote', '[data-role="memberSignature"]', 'p.edit', '.ipsType_reset.ipsType_medium.ipsType_light:has(strong)'],
  permalink: ['.ipsComment_meta a[href*="comment="]', 'a[href*="do=findComment"]', 'a[href*="#comment-"]', 'a[href*="#entry"]', 'a[rel="bookmark"]'],
};
