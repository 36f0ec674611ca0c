import { queryOne } from './engine/dom';
import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * Old Reddit (old.reddit.com and the classic layout): every submission and comment is a
 * `div.thing` carrying its fullname (`data-fullname`, `t3_` a submission, `t1_` a comment) and
 * `data-permalink`. A comment holds its own parts in its direct child `div.entry` (tagline with
 * `a.author` and `time[datetime]`, `form.usertext` with the `.md` text, the buttons row with the
 * permalink) and its replies in the sibling `div.child`, so every selector is anchored at
 * `:scope > .entry`. Collapsed comments (`.collapsed`, "score below threshold") are posts too:
 * their text is in the page, only hidden. A submission is a post when it has self text (a text
 * post); a link or image submission's own words are only its title, which is the thread title.
 * Not posts: "load more comments" stubs (`.thing.morechildren`), promoted links (`.promoted`).
 */

const REDDIT_FULLNAME = /^t[13]_[0-9a-z]+$/;

function isOwnPost(post: Element): boolean {
  if (!REDDIT_FULLNAME.test(post.getAttribute('data-fullname') ?? '') || post.matches('.promoted, .morechildren')) return false;
  return post.matches('.comment') || queryOne(post, ':scope > .entry .expando .usertext-body .md') !== null;
}

function permalinkAttribute(post: Element, pageUrl: URL): string | null {
  const permalink = post.getAttribute('data-permalink');
  if (!permalink) return null;
  try {
    return new URL(permalink, pageUrl.href).href;
  } catch {
    return null;
  }
}

/** The post's own column: appended to the thing itself, the tag row would land below all its replies. */
function ownEntry(post: Element): Element {
  return queryOne(post, ':scope > .entry') ?? post;
}

export const redditOld: ForumDefinition = {
  id: 'reddit-old',
  kind: 'forum',
  name: 'Reddit (old)',
  detect: {
    selectors: [
      '.commentarea .thing.comment[data-fullname^="t1_"]',
      '.sitetable .thing.link[data-fullname^="t3_"]',
      'body.comments-page .commentarea',
    ],
  },
  threadTitle: ['.thing.link[data-fullname^="t3_"] a.title', '#siteTable a.title', '.sitetable .thing a.title'],
  post: ['.thing.link[data-fullname], .thing.comment[data-fullname]'],
  author: [':scope > .entry .tagline a.author', ':scope > .entry .tagline .author'],
  date: [':scope > .entry .tagline time[datetime]', ':scope > .entry .tagline time'],
  body: [':scope > .entry .usertext-body .md', ':scope > .entry .usertext-body'],
  exclude: [...COMMON_EXCLUDE],
  permalink: [':scope > .entry a[data-event-action="permalink"]', ':scope > .entry .buttons a.bylink[data-event-action="comments"]'],
  hooks: {
    isPost: isOwnPost,
    permalink: permalinkAttribute,
    mountPoint: ownEntry,
  },
};
