import { COMMON_EXCLUDE } from './forum/extract';
import type { ForumDefinition } from './forum/types';

/**
 * Review pages: any page whose markup is a list of reviews, each one a post. Recognised by
 * schema.org `Review` microdata (`itemtype` ending in `schema.org/Review`, with `reviewBody`,
 * `author`, `datePublished`), the markup review sites, shops and booking pages publish for search
 * engines, and by Trustpilot's review cards, which carry no microdata: the 2016-2020
 * `article.review` (`.review-content__title` + `.review-content__text`) and the current
 * `article[data-service-review-card-paper]` with `data-*-typography` parts. A review's own words
 * are its headline and its text; the business's reply and the "date of experience" are not.
 * Reviews that exist only as JSON-LD have no element to tag and are not read.
 * The thread title is the page's heading (the business or product reviewed), or, on a page showing
 * a single review, that review's headline.
 */

export const reviews: ForumDefinition = {
  id: 'reviews',
  kind: 'forum',
  name: 'Reviews',
  portalKind: 'review-site',
  detect: {
    selectors: [
      '[itemtype$="schema.org/Review"] [itemprop="reviewBody"]',
      'article[data-service-review-card-paper] [data-service-review-text-typography]',
      'article.review .review-content__text',
    ],
  },
  threadTitle: [
    'h1',
    '[itemprop="itemReviewed"] [itemprop="name"]',
    '.review-content__title',
    '[data-service-review-title-typography]',
  ],
  post: ['[itemtype$="schema.org/Review"]', 'article[data-service-review-card-paper]', 'article.review'],
  author: [
    '[itemprop="author"] [itemprop="name"]',
    '[itemprop="author"]',
    '[data-consumer-name-typography]',
    '.consumer-information__name',
  ],
  date: [
    '[itemprop="datePublished"]',
    'time[data-service-review-date-time-ago]',
    '.review-content-header__dates time',
    'time[datetime]',
  ],
  body: [
    '[itemprop="reviewBody"]',
    '[data-review-content]',
    'div:has(> [data-service-review-text-typography])',
    '.review-content__body',
    '.review-content__text',
  ],
  exclude: [...COMMON_EXCLUDE, '[data-service-review-date-of-experience-typography]', '.review-content__reply', '[class*="company-reply"]'],
  permalink: ['a[data-review-title-typography][href]', '.review-content__title a[href]', 'a[itemprop="url"][href]', 'link[itemprop="url"][href]'],
};
