import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/sites';
import { placedIssueProblem, problemText } from '../../lib/i18n/problems';
import { SiteOverridesSchema, isValidSelector } from '../../lib/sites/overrides';
import { parsePage } from './page';

const PAGE_URL = 'https://www.bing.com/search?q=acme';

/** A Bing page after a markup change: results moved to `div.rl-new`, the old list holds only one. */
const CHANGED_PAGE = `<!DOCTYPE html><html><body>
<ol id="b_results">
  <li class="b_algo"><h2><a href="https://old.example/">Old layout result</a></h2><p>old snippet</p></li>
</ol>
<section id="new-results">
  <div class="rl-new"><a class="rl-title" href="https://first.example/"><span class="rl-t">First new result</span></a><div class="rl-s">first snippet</div></div>
  <div class="rl-new"><a class="rl-title" href="https://second.example/"><span class="rl-t">Second new result</span></a><div class="rl-s">second snippet</div></div>
</section>
</body></html>`;

describe('SiteOverridesSchema', () => {
  it('accepts ordered selector lists per site and field', () => {
    const parsed = SiteOverridesSchema.parse({ bing: { resultRoot: ['div.rl-new', 'li.x'], title: ['.rl-t'] }, google: {} });
    expect(parsed.bing?.resultRoot).toEqual(['div.rl-new', 'li.x']);
  });

  it('rejects an invalid selector with a message naming the site, field and position', () => {
    const result = SiteOverridesSchema.safeParse({ google: { link: ['a[href]', 'div['] } });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['google', 'link', 1]);
    expect(problemText(placedIssueProblem(issue!), 'en')).toBe('google.link[1]: The CSS selector “div[” is not valid.');
  });

  it('rejects empty selectors, unknown fields and unknown sites', () => {
    const firstRefusal = (overrides: unknown) => problemText(placedIssueProblem(SiteOverridesSchema.safeParse(overrides).error!.issues[0]!), 'en');
    expect(firstRefusal({ google: { snippet: ['  '] } })).toBe('google.snippet[0]: The CSS selector “  ” is not valid.');
    expect(SiteOverridesSchema.safeParse({ google: { rank: ['b'] } }).success).toBe(false);
    expect(firstRefusal({ gogle: { title: ['h3'] } })).toBe('gogle: “gogle” is not a site the extension knows.');
  });

  it('tells a valid selector from an invalid one', () => {
    expect(isValidSelector('li.b_algo h2 > a')).toBe(true);
    expect(isValidSelector('a >> b')).toBe(false);
    expect(isValidSelector('a,')).toBe(false);
  });
});

describe('overrides in extraction', () => {
  it('tries the override selectors before the built-in ones', () => {
    const { document } = parsePage(CHANGED_PAGE, PAGE_URL);
    expect(extractPage(document, PAGE_URL)?.items.map((item) => item.url)).toEqual(['https://old.example/']);
    const overrides = SiteOverridesSchema.parse({
      bing: { resultRoot: ['div.rl-new'], link: ['a.rl-title'], title: ['.rl-t'], snippet: ['.rl-s'] },
    });
    const extract = extractPage(document, PAGE_URL, { overrides });
    expect(extract?.items.map(({ rank, url, title, snippet }) => ({ rank, url, title, snippet }))).toEqual([
      { rank: 1, url: 'https://first.example/', title: 'First new result', snippet: 'first snippet' },
      { rank: 2, url: 'https://second.example/', title: 'Second new result', snippet: 'second snippet' },
    ]);
  });

  it('prefers an override title or snippet selector inside built-in blocks', () => {
    const { document } = parsePage(CHANGED_PAGE, PAGE_URL);
    const overrides = SiteOverridesSchema.parse({ bing: { title: ['p'], snippet: ['h2'] } });
    const [item] = extractPage(document, PAGE_URL, { overrides })?.items ?? [];
    expect(item?.title).toBe('old snippet');
    expect(item?.snippet).toBe('Old layout result');
  });

  it('falls back to the built-in selectors when an override matches nothing', () => {
    const { document } = parsePage(CHANGED_PAGE, PAGE_URL);
    const overrides = SiteOverridesSchema.parse({ bing: { resultRoot: ['div.gone'], title: ['.gone'] } });
    expect(extractPage(document, PAGE_URL, { overrides })?.items.map((item) => item.title)).toEqual(['Old layout result']);
  });

  it('ignores an override that is invalid CSS at run time instead of throwing', () => {
    const { document } = parsePage(CHANGED_PAGE, PAGE_URL);
    const overrides = { bing: { resultRoot: ['div:unknown-pseudo(('], link: ['a:nope('] } };
    expect(extractPage(document, PAGE_URL, { overrides })?.items.map((item) => item.url)).toEqual(['https://old.example/']);
  });
});
