import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/sites';
import { stackexchange } from '../../lib/sites/stackexchange';
import { loadForumFixtures, pageExtraction } from './page';

const { parse } = pageExtraction('stackexchange');

describe('stackexchange fixtures', () => {
  const fixtures = loadForumFixtures('stackexchange');
  it('has fixture pages', () => expect(fixtures.length).toBeGreaterThan(0));

  for (const { name, html, expected } of fixtures) {
    it(`${name}: the question and each answer, by their owners, without comments`, () => {
      const result = extractPage(parse(html, expected.pageUrl), expected.pageUrl);
      expect(result?.site).toBe('stackexchange');
      expect(result?.items.map(({ element: _element, ...item }) => item)).toEqual(expected.items);
    });
  }

  it('reads the 2010-2015 markup: no data attributes, the owner is the last user card', () => {
    const html =
      '<div id="question-header"><h1><a class="question-hyperlink" href="/questions/5/x">Old question</a></h1></div>' +
      '<div id="question" class="question"><div class="post-text"><p>Why?</p></div><table><tr>' +
      '<td class="post-signature owner"><div class="user-info"><div class="user-action-time">asked <span title="2012-05-01 10:00:00Z" class="relativetime">May 1 \'12 at 10:00</span></div>' +
      '<div class="user-details"><a href="/users/1/q">q-user</a></div></div></td></tr></table></div>' +
      '<div id="answer-9" class="answer"><div class="post-text"><p>Because.</p></div><table><tr>' +
      '<td class="post-signature"><div class="user-info"><div class="user-action-time">edited <span title="2013-01-01 00:00:00Z" class="relativetime">Jan 1 \'13</span></div><div class="user-details"><a href="/users/2/e">editor</a></div></div></td>' +
      '<td class="post-signature"><div class="user-info"><div class="user-action-time">answered <span title="2012-05-02 11:00:00Z" class="relativetime">May 2 \'12 at 11:00</span></div><div class="user-details"><a href="/users/3/a">a-user</a></div></div></td>' +
      '</tr></table></div>';
    const url = 'https://stackoverflow.com/questions/5/x';
    const items = extractPage(parse(html, url), url, { forumEngines: [stackexchange] })?.items ?? [];
    expect(items.map((item) => [item.url, item.author, item.dateIso])).toEqual([
      ['https://stackoverflow.com/questions/5/x#question', 'q-user', '2012-05-01T10:00:00.000Z'],
      ['https://stackoverflow.com/a/9', 'a-user', '2012-05-02T11:00:00.000Z'],
    ]);
  });
});
