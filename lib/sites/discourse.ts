import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * Discourse, in the two forms a topic page takes:
 * - the JavaScript app's rendered DOM: `article[data-post-id]` inside `div.topic-post`, the text in
 *   `div.cooked`, the date `span.relative-date[data-time]` inside the `a.post-date` permalink;
 *   small-action rows ("closed this topic", "split this topic") are articles without a post id;
 * - the crawler view served to clients without JavaScript: `div.topic-body.crawler-post#post_<n>`
 *   (2020 and later, text in `[itemprop="text"]` or `[itemprop="articleBody"]`), or, in the
 *   2017-2019 template, one `div[itemtype$="DiscussionForumPosting"]` per post whose text is
 *   `div.post[itemprop="articleBody"]`. Crawler posts carry no permalink link: it is built from
 *   the post number (`/t/<slug>/<topic id>/<n>`).
 * The app's page also ships the crawler view inside `<noscript>`. A browser running scripts keeps
 * that as raw text, so in the content script only the rendered articles are posts; a parser with
 * scripting off (happy-dom, jsdom) sees the crawler posts as elements, and they are read when no
 * rendered article is present.
 * Not the post's own words: quotes of other posts (`aside.quote`, which also holds the "solved by"
 * box of an accepted answer) and image captions (file name and size). Link previews (`aside.onebox`)
 * stay: they are how a bare link the author posted is shown, so its target is one of the post's links.
 */

const TOPIC_PATH = /^(\/(?:.*\/)?t\/[^/]+\/\d+)/;

function postNumberOf(post: Element): string | null {
  const fromId = /^post_(\d+)$/.exec(post.id)?.[1];
  if (fromId) return fromId;
  const position = post.querySelector('[itemprop="position"]')?.textContent;
  return position ? (/\d+/.exec(position)?.[0] ?? null) : null;
}

/** `/t/<slug>/<id>/<n>` from the page's topic address (canonical link first: the page may be `/t/<slug>/<id>?page=2`). */
function crawlerPermalink(post: Element, pageUrl: URL): string | null {
  const number = postNumberOf(post);
  if (!number) return null;
  const canonical = post.ownerDocument.querySelector('link[rel="canonical"]')?.getAttribute('href');
  for (const address of [canonical, pageUrl.href]) {
    if (!address) continue;
    try {
      const url = new URL(address, pageUrl.href);
      const topic = TOPIC_PATH.exec(url.pathname)?.[1];
      if (topic) return new URL(`${topic}/${number}`, url.origin).href;
    } catch {
      // An unreadable canonical link: the page URL is tried next.
    }
  }
  return null;
}

export const discourse: ForumDefinition = {
  id: 'discourse',
  kind: 'forum',
  name: 'Discourse',
  detect: {
    generator: /discourse/i,
    selectors: [
      '#main-outlet article[data-post-id] .cooked',
      '.topic-post article[data-post-id]',
      'div.topic-body.crawler-post',
      '#main-outlet [itemtype$="DiscussionForumPosting"] [itemprop="articleBody"]',
    ],
  },
  threadTitle: ['#topic-title h1 .fancy-title', '#topic-title h1', 'h1 a.fancy-title', '.fancy-title', '#main-outlet h1', 'h1'],
  post: [
    'article[data-post-id]',
    'div.topic-body.crawler-post',
    '[itemtype$="DiscussionForumPosting"]:has(> .post[itemprop="articleBody"])',
  ],
  author: [
    '.topic-meta-data .names .first a',
    '.topic-meta-data .username a',
    '.names a[data-user-card]',
    '.creator [itemprop="name"]',
    '.creator [itemprop="author"]',
    '.creator a',
  ],
  date: [
    '.post-infos .relative-date',
    'a.post-date [data-time]',
    '.relative-date',
    '.crawler-post-infos time[datetime]',
    'time[itemprop="datePublished"]',
    '.crawler-post-infos',
  ],
  body: ['.cooked', '.post[itemprop="text"]', '.post[itemprop="articleBody"]', '[itemprop="articleBody"]', '.post'],
  exclude: [...COMMON_EXCLUDE, 'aside.quote', '.lightbox-wrapper .meta', '.cooked-selection-barrier'],
  permalink: ['.post-infos a.post-date[href]', 'a.post-date[href]', 'a.widget-link[href*="/t/"]'],
  hooks: {
    permalink: crawlerPermalink,
  },
};
