import { describe, expect, it } from 'vitest';
import { compareNewestFirst, countedLabelOf, mentionMatcher, MentionFilterSchema, type MentionFilter } from '@/lib/mentions/filter';
import type { Mention } from '@/lib/schema';

function mention(overrides: Partial<Mention>): Mention {
  return {
    projectId: 'p1',
    canonicalUrl: 'https://example.com/a',
    url: 'https://example.com/a',
    domain: 'example.com',
    kind: 'serp-result',
    title: 'Acme Clinic review',
    excerpt: 'Friendly doctors.',
    lang: 'en',
    suggested: { label: 'positive', score: 0.5, recommends: false },
    mark: null,
    flags: { clientSite: false, linksToClient: false, mentionsClient: true },
    months: ['2026-10'],
    firstSeen: 1,
    lastSeen: 1,
    ...overrides,
  };
}

const mark = (sentiment: NonNullable<Mention['mark']>['sentiment'], recommends = false): Mention['mark'] => ({ sentiment, recommends, at: 1, suggestedAtMark: null });

const matching = (filter: MentionFilter, mentions: readonly Mention[], engineUrls?: ReadonlySet<string>) =>
  mentions.filter(mentionMatcher(MentionFilterSchema.parse(filter), engineUrls)).map((m) => m.canonicalUrl);

describe('mention filter', () => {
  it('finds text in the title, the excerpt or the URL, whatever the case, Cyrillic included', () => {
    const mentions = [
      mention({ canonicalUrl: 'a', title: 'ОТЗЫВЫ о клинике Акме' }),
      mention({ canonicalUrl: 'b', title: 'Other', excerpt: 'Врачи в Акме грубые' }),
      mention({ canonicalUrl: 'c', title: 'Other', url: 'https://otzovik.com/reviews/acme' }),
    ];
    expect(matching({ text: 'отзывы' }, mentions)).toEqual(['a']);
    expect(matching({ text: '  акме ' }, mentions)).toEqual(['a', 'b']);
    expect(matching({ text: 'OTZOVIK' }, mentions)).toEqual(['c']);
    expect(matching({ text: '' }, mentions)).toEqual(['a', 'b', 'c']);
  });

  it('filters by the label a mention counts with: the mark over the suggestion', () => {
    const mentions = [
      mention({ canonicalUrl: 'suggested-positive' }),
      mention({ canonicalUrl: 'marked-negative', mark: mark('negative') }),
      mention({ canonicalUrl: 'marked-irrelevant', mark: mark('irrelevant') }),
      // "Recommends" alone leaves the sentiment to the suggestion.
      mention({ canonicalUrl: 'recommends-only', mark: mark(null, true) }),
      mention({ canonicalUrl: 'unlabeled', suggested: null }),
    ];
    expect(matching({ label: 'positive' }, mentions)).toEqual(['suggested-positive', 'recommends-only']);
    expect(matching({ label: 'negative' }, mentions)).toEqual(['marked-negative']);
    expect(matching({ state: 'marked' }, mentions)).toEqual(['marked-negative', 'marked-irrelevant']);
    expect(matching({ state: 'suggested' }, mentions)).toEqual(['suggested-positive', 'recommends-only']);
    expect(matching({ label: 'positive', state: 'marked' }, mentions)).toEqual([]);
    expect(matching({ label: 'unlabeled' }, mentions)).toEqual(['unlabeled']);
    expect(matching({ label: 'unlabeled', state: 'suggested' }, mentions)).toEqual([]);
    expect(matching({ state: 'any' }, mentions)).toHaveLength(5);
    expect(countedLabelOf(mentions[1]!)).toEqual({ label: 'negative', source: 'marked' });
    expect(countedLabelOf(mentions[4]!)).toEqual({ label: 'unlabeled', source: null });
  });

  it('filters by kind, month, a domain with its subdomains, and a portal exactly', () => {
    const mentions = [
      mention({ canonicalUrl: 'a', domain: 'example.com', months: ['2026-09', '2026-10'] }),
      mention({ canonicalUrl: 'b', domain: 'forum.example.com', kind: 'forum-post', months: ['2026-11'] }),
      mention({ canonicalUrl: 'c', domain: 'notexample.com', kind: 'page' }),
    ];
    expect(matching({ kind: 'forum-post' }, mentions)).toEqual(['b']);
    expect(matching({ month: '2026-09' }, mentions)).toEqual(['a']);
    expect(matching({ domain: 'example.com' }, mentions)).toEqual(['a', 'b']);
    expect(matching({ domain: 'https://www.Forum.Example.com/t/1' }, mentions)).toEqual(['b']);
    expect(matching({ portal: 'example.com' }, mentions)).toEqual(['a']);
    expect(matching({ domain: 'example.com', kind: 'serp-result', month: '2026-10' }, mentions)).toEqual(['a']);
  });

  it('filters by engine through the URLs that engine showed, which the caller must pass', () => {
    const mentions = [mention({ canonicalUrl: 'a' }), mention({ canonicalUrl: 'b' })];
    expect(matching({ engine: 'yandex' }, mentions, new Set(['b']))).toEqual(['b']);
    expect(() => mentionMatcher(MentionFilterSchema.parse({ engine: 'yandex' }))).toThrow(/engine/);
  });

  it('refuses a filter it could not apply', () => {
    expect(MentionFilterSchema.safeParse({ domain: 'not a domain' }).success).toBe(false);
    expect(MentionFilterSchema.safeParse({ month: '2026-13' }).success).toBe(false);
    expect(MentionFilterSchema.safeParse({ label: 'marked:positive' }).success).toBe(false);
  });

  it('sorts the newest sighting first, and ties always the same way', () => {
    const rows = [
      { canonicalUrl: 'b', lastSeen: 5 },
      { canonicalUrl: 'c', lastSeen: 9 },
      { canonicalUrl: 'a', lastSeen: 5 },
    ];
    expect(rows.sort(compareNewestFirst).map((row) => row.canonicalUrl)).toEqual(['c', 'a', 'b']);
  });
});
