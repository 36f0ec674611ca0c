import { queryFirst } from './engine/dom';
import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * New Reddit ("shreddit", 2023 and later): the thread's own post is `shreddit-post`, each comment a
 * `shreddit-comment` whose replies are nested inside it. Both are custom elements that slot their
 * light DOM: the parts of a comment are its direct children `[slot="commentMeta"]` (author link,
 * `faceplate-timeago` with `time[datetime]`) and `[slot="comment"]` (the text); a reply is a
 * further `shreddit-comment` child, so every selector below is anchored at `:scope >` and never
 * reads a reply's parts. The post's parts are `[slot="credit-bar"]`, `[slot="title"]` and
 * `[slot="text-body"]` (absent on link and image posts, whose own words are the title).
 * The permalink is the element's `permalink` attribute. Only the comments present in the page are
 * posts; the rest load lazily (`faceplate-partial` "more replies"), and are read when they arrive.
 */

function permalinkAttribute(post: Element, pageUrl: URL): string | null {
  const permalink = post.getAttribute('permalink');
  if (!permalink) return null;
  try {
    return new URL(permalink, pageUrl.href).href;
  } catch {
    return null;
  }
}

/** A light-DOM child shown by the post's own slot: an element appended to the host itself would not be rendered. */
function slottedContent(post: Element): Element {
  return queryFirst(post, [':scope > [slot="comment"]', ':scope > [slot="text-body"]', ':scope > [slot="title"]']) ?? post;
}

export const reddit: ForumDefinition = {
  id: 'reddit',
  kind: 'forum',
  name: 'Reddit',
  detect: {
    selectors: ['shreddit-post[permalink]', 'shreddit-comment[thingid]', 'shreddit-app shreddit-comment-tree'],
  },
  threadTitle: ['shreddit-post > [slot="title"]', 'shreddit-post h1', 'shreddit-title', 'h1'],
  post: ['shreddit-post, shreddit-comment'],
  author: [
    ':scope > [slot="commentMeta"] a[href*="/user/"]',
    ':scope > [slot="credit-bar"] a.author-name',
    ':scope > [slot="credit-bar"] a[href*="/user/"]',
  ],
  date: [
    ':scope > [slot="commentMeta"] faceplate-timeago',
    ':scope > [slot="commentMeta"] time[datetime]',
    ':scope > [slot="credit-bar"] faceplate-timeago',
    ':scope > [slot="credit-bar"] time[datetime]',
  ],
  body: [
    ':scope > [slot="comment"]',
    ':scope > [slot="text-body"] [id$="-post-rtjson-content"]',
    ':scope > [slot="text-body"]',
    ':scope > [slot="title"]',
  ],
  exclude: [...COMMON_EXCLUDE, 'button', '.read-more-overflow-cover', 'faceplate-screen-reader-content'],
  permalink: [],
  hooks: {
    permalink: permalinkAttribute,
    mountPoint: slottedContent,
  },
};
