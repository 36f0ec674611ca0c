import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * Stack Exchange (Stack Overflow and every *.stackexchange.com site, any language): the question
 * `#question[data-questionid]` and each `.answer[data-answerid]`, in page order; the 2010-2015
 * markup has the same ids and classes without the data attributes. The text is `.js-post-body`
 * (`.post-text` before 2020). Comments under a post (`.comments`, `.js-comments-container`) are
 * not posts and lie outside the body. Each post has up to two user cards: the editor's ("edited
 * …") and the owner's ("asked …" / "answered …"); the owner's holds `[itemprop="author"]`, else it
 * is `.post-signature.owner` (questions) or the last card (answers). Permalinks are the short
 * forms Stack Exchange itself shares, `/q/<id>` and `/a/<id>`, built from the post's id (the share
 * link carries the viewer's user id when logged in).
 */

/**
 * Block quotes on Stack Exchange are the answer's own material (the example sentences discussed, a
 * cited definition or error message), never a reply quoting another post, so they stay in the text.
 */
const STACK_EXCHANGE_EXCLUDE = COMMON_EXCLUDE.filter((selector) => selector !== 'blockquote');

const OWNER_CARD = [
  '.user-info:has([itemprop="author"])',
  '.post-signature.owner .user-info',
  '.post-signature:last-child .user-info',
  '.post-signature .user-info',
];

function postIdOf(post: Element): { kind: 'q' | 'a'; id: string } | null {
  const answer = post.getAttribute('data-answerid') ?? /^answer-(\d+)$/.exec(post.id)?.[1];
  if (answer) return { kind: 'a', id: answer };
  const question =
    post.getAttribute('data-questionid') ??
    post.querySelector('[data-questionid]')?.getAttribute('data-questionid') ??
    post.ownerDocument.querySelector('[data-questionid]')?.getAttribute('data-questionid');
  return question ? { kind: 'q', id: question } : null;
}

function shortPermalink(post: Element, pageUrl: URL): string | null {
  const postId = postIdOf(post);
  return postId ? new URL(`/${postId.kind}/${postId.id}`, pageUrl.origin).href : null;
}

export const stackexchange: ForumDefinition = {
  id: 'stackexchange',
  kind: 'forum',
  name: 'Stack Exchange',
  detect: {
    selectors: ['#question[data-questionid]', '.answer[data-answerid]', '#question-header h1 a.question-hyperlink'],
  },
  threadTitle: ['#question-header h1', 'h1[itemprop="name"]', 'h1 a.question-hyperlink', '.question-hyperlink'],
  post: ['#question[data-questionid], .answer[data-answerid]', '#question, .answer'],
  author: [
    '[itemprop="author"] [itemprop="name"]',
    ...OWNER_CARD.map((card) => `${card} .user-details > a`),
    ...OWNER_CARD.map((card) => `${card} .user-details`),
  ],
  date: OWNER_CARD.map((card) => `${card} .relativetime`),
  body: ['.js-post-body', '.post-text', '.s-prose', '[itemprop="text"]'],
  exclude: STACK_EXCHANGE_EXCLUDE,
  permalink: [],
  hooks: {
    permalink: shortPermalink,
  },
};
