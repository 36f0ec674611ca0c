/**
 * The shape of a forum engine definition: data first, like the search engines. A forum is recognised
 * from its markup (generator meta, known structure), never from a list of domains, because any domain
 * may run any engine.
 */

export interface ForumDetection {
  /** Matched against every `<meta name="generator">` content (`phpBB`, `vBulletin 4.2.5`, `Discourse 3.2`). */
  generator?: RegExp;
  /** Structural markers: the page is this engine when at least one matches (and `generator`, if given, failed). */
  selectors?: readonly string[];
}

export interface ForumHooks {
  /** The post's permalink when no `permalink` selector gives one (built from an id attribute, say). */
  permalink?: (post: Element, pageUrl: URL) => string | null;
  /**
   * Where the tag row goes when it must not go at the end of the post root: a comment whose replies
   * are nested inside it, or a custom element whose light DOM is slotted.
   */
  mountPoint?: (post: Element) => Element;
  /**
   * The date as displayed, when the date element holds more than the date ("Post by anna » 2024-04-10 16:01"):
   * given the element's text as a reader sees it (engine/dom.ts `plainText`: no script source, no hidden text).
   */
  dateText?: (shownText: string) => string;
  /** Rejects post-looking blocks that are not posts (ads dressed as posts, deleted placeholders). */
  isPost?: (post: Element) => boolean;
}

export interface ForumDefinition {
  id: string;
  kind: 'forum';
  /** Human name for the dashboard and the tag row. */
  name: string;
  /** What a site running this engine is as a portal (METHODOLOGY: forums, review sites ...); a forum unless said. */
  portalKind?: 'forum' | 'review-site';
  detect: ForumDetection;
  /** Ordered fallback selectors; for each field the first that finds something wins. */
  threadTitle: readonly string[];
  /** Post roots; every match is one post, nested matches are dropped (the outermost wins). */
  post: readonly string[];
  /** Inside a post root. */
  author: readonly string[];
  /** Inside a post root; a `<time datetime>` or an element with a machine-readable time attribute is preferred. */
  date: readonly string[];
  /** Inside a post root: the element holding the post's text. */
  body: readonly string[];
  /** Inside the body: not the post's own words (quotes of earlier posts, signatures, edit notices). */
  exclude: readonly string[];
  /** Inside a post root: the link whose href is the post's permalink. */
  permalink: readonly string[];
  hooks?: ForumHooks;
}

/** A post-like block found by the generic finder, for forums no definition recognises. */
export interface GenericPost {
  element: Element;
  body: Element;
  author?: Element;
  date?: Element;
  permalink?: string;
}
