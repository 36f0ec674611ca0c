import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGenericPosts } from '../../lib/sites/forum/generic';
import { FIXTURE_ROOT, pageExtraction } from './page';

const { parse } = pageExtraction('forum-generic');
const fixture = (name: string, url: string): Document =>
  parse(fs.readFileSync(path.join(FIXTURE_ROOT, 'forum-generic', `${name}.html`), 'utf8'), url);
const text = (element: Element | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('findGenericPosts on an unknown forum', () => {
  const posts = findGenericPosts(fixture('unknown-forum', 'https://talkbox.example/topic/42'));

  it('finds the four posts and nothing from the header, sidebar, reply form or footer', () => {
    expect(posts.map((post) => post.element.id)).toEqual(['msg-101', 'msg-102', 'msg-103', 'msg-104']);
  });

  it('gives author, date and body of each post', () => {
    expect(posts.map((post) => text(post.author))).toEqual(['anna', 'boris', 'clara', 'anna']);
    expect(posts.map((post) => text(post.date))).toEqual([
      'Mon Mar 04, 2024 9:15 pm',
      'Mon Mar 04, 2024 9:40 pm',
      '2 hours ago',
      'Today, 08:02',
    ]);
    expect(text(posts[0]!.body)).toMatch(/^We are twelve people/);
    expect(text(posts[2]!.body)).toBe('Thanks!');
  });

  it('keeps a quote inside the body of the post that quotes it', () => {
    expect(text(posts[1]!.body)).toMatch(/^anna wrote on .*Anything with a separate access point/);
  });

  it('gives the permalink with its fragment', () => {
    expect(posts.map((post) => post.permalink)).toEqual([
      'https://talkbox.example/topic/42#msg-101',
      'https://talkbox.example/topic/42#msg-102',
      'https://talkbox.example/topic/42#msg-103',
      'https://talkbox.example/topic/42#msg-104',
    ]);
  });
});

describe('findGenericPosts on a blog with comments', () => {
  const posts = findGenericPosts(fixture('blog-comments', 'https://desk.example/2024/02/standing-desk/'));

  it('finds the comments, the reply included, and not the article', () => {
    expect(posts.map((post) => post.element.id)).toEqual(['comment-11', 'comment-12', 'comment-13']);
  });

  it('does not take a reply into the body of the comment it answers', () => {
    expect(posts.map((post) => text(post.body))).toEqual([
      'Get an anti-fatigue mat, it changed everything for my feet.',
      'Good tip, I ordered one today.',
      'I alternate every hour, standing all day was too much for me.',
    ]);
  });

  it('gives the date element and the permalink', () => {
    expect(posts[0]!.date?.getAttribute('datetime')).toBe('2024-02-11T10:15:00+01:00');
    expect(posts[1]!.permalink).toBe('https://desk.example/2024/02/standing-desk/#comment-12');
  });
});

describe('findGenericPosts on pages without posts', () => {
  it('gives nothing for a news article with a menu and teasers of other stories', () => {
    expect(findGenericPosts(fixture('news-article', 'https://news.example/city/new-bridge'))).toEqual([]);
  });

  it('gives nothing for a single block, which does not repeat', () => {
    const doc = parse(
      '<div class="post"><a href="/members/anna.1/">anna</a> <time datetime="2024-03-04T21:15:00Z">Mar 4</time><p>Hello there</p></div>',
      'https://forum.example/t/1',
    );
    expect(findGenericPosts(doc)).toEqual([]);
  });

  it('gives nothing for an empty document', () => {
    expect(findGenericPosts(parse('', 'https://forum.example/'))).toEqual([]);
  });
});

describe('findGenericPosts grouping', () => {
  it('prefers the posts to the comments under them', () => {
    const comment = (n: number) =>
      `<li class="note"><a href="/users/${n}/c">c${n}</a> <span title="2024-03-0${n} 10:00:00Z">Mar ${n}</span> nice</li>`;
    const post = (n: number, comments: string) =>
      `<div class="unit" id="p${n}"><div class="by"><a href="/users/${n}/u">u${n}</a> <time datetime="2024-03-0${n}T09:00:00Z">Mar ${n}</time></div>` +
      `<div class="words">The answer number ${n} explains it at some length.</div><ul>${comments}</ul></div>`;
    const doc = parse(
      post(1, comment(1) + comment(2) + comment(3)) + post(2, comment(4) + comment(5)),
      'https://qa.example/q/9',
    );
    const posts = findGenericPosts(doc);
    expect(posts.map((found) => found.element.id)).toEqual(['p1', 'p2']);
    expect(posts[0]!.permalink).toBe('https://qa.example/q/9#p1');
  });

  // How long it takes is for the benchmark (npm run bench:forum), never a test: machines are noisy.
  it('finds every post of a 50-post page', () => {
    const post = (n: number) =>
      `<div class="msg bg${n % 2}" id="m${n}"><div class="head"><a href="memberlist.php?mode=viewprofile&u=${n}">user${n}</a>` +
      `<span class="when">0${1 + (n % 9)}.03.2024 12:${String(n).padStart(2, '0')}</span></div>` +
      `<div class="body">${'Some words about the router question, with a detail or two. '.repeat(8)}</div>` +
      `<div class="sig">signature line ${n}</div></div>`;
    const page =
      '<header><nav><a href="/">Home</a></nav></header><main>' +
      Array.from({ length: 50 }, (_, n) => post(n)).join('') +
      '</main><footer>© forum</footer>';
    const posts = findGenericPosts(parse(page, 'https://forum.example/viewtopic.php?t=5'));
    expect(posts).toHaveLength(50);
    expect(posts.map((post) => post.element.id)).toEqual(Array.from({ length: 50 }, (_, n) => `m${n}`));
  });
});
