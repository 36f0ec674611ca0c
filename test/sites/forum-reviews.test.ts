import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/sites';
import { loadForumFixtures, pageExtraction } from './page';

const { parse } = pageExtraction('reviews');

describe('reviews fixtures (schema.org Review microdata)', () => {
  const fixtures = loadForumFixtures('reviews');
  it('has fixture pages', () => expect(fixtures.length).toBeGreaterThan(0));

  for (const { name, html, expected } of fixtures) {
    it(`${name}: each review, without the business's reply`, () => {
      const result = extractPage(parse(html, expected.pageUrl), expected.pageUrl);
      expect(result?.site).toBe('reviews');
      expect(result?.items.map(({ element: _element, ...item }) => item)).toEqual(expected.items);
    });
  }
});

describe('reviews: Trustpilot cards, which carry no microdata', () => {
  it('reads the current card: headline and text, not the date of experience', () => {
    const html =
      '<h1>Acme Pay Reviews</h1><article data-service-review-card-paper="true">' +
      '<span data-consumer-name-typography="true">Jo R.</span>' +
      '<time datetime="2024-05-02T10:11:12.000Z" data-service-review-date-time-ago="true">May 2, 2024</time>' +
      '<div data-review-content="true"><a href="/reviews/66aa" data-review-title-typography="true"><h2>Quick payouts</h2></a>' +
      '<p data-service-review-text-typography="true">Money arrives the next morning.</p>' +
      '<p data-service-review-date-of-experience-typography="true">Date of experience: April 30, 2024</p></div></article>';
    const url = 'https://www.trustpilot.com/review/acmepay.example.com';
    const result = extractPage(parse(html, url), url);
    expect(result?.site).toBe('reviews');
    expect(result?.items.map((item) => [item.url, item.title, item.author, item.dateIso, item.text])).toEqual([
      ['https://www.trustpilot.com/reviews/66aa', 'Acme Pay Reviews', 'Jo R.', '2024-05-02T10:11:12.000Z', 'Quick payouts Money arrives the next morning.'],
    ]);
  });
});
