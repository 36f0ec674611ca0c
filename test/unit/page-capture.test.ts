// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CAPTURED_TEXT, capturePage } from '@/lib/annotate/page-capture';

const URL_OF_PAGE = 'https://reviews.example/company/acme';

/** Puts our own fixture markup into the live document (the selection test needs the live one). */
function load(head: string, body: string) {
  const parsed = new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');
  const adopt = (from: Element) => [...from.childNodes].map((node) => document.importNode(node, true));
  document.head.replaceChildren(...adopt(parsed.head));
  document.body.replaceChildren(...adopt(parsed.body));
}

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  load('', '');
});

const LONG_TEXT = 'Acme delivered on time and the support team answered every question. '.repeat(5);

describe('page capture', () => {
  it('takes the main content’s text and links, not the navigation, and decodes redirect wrappers', () => {
    load(
      '<title> Acme reviews </title>',
      `<nav><a href="/login">Log in</a> Menu text</nav>
       <main><h1>Acme</h1><p>${LONG_TEXT}</p>
         <p><a href="https://acme.example/offer">offer</a> <a href="https://www.google.com/url?q=https://acme.example/via">via</a>
         <a href="javascript:alert(1)">x</a></p>
         <script>var hidden = "not text";</script></main>
       <footer>Footer text</footer>`,
    );
    const capture = capturePage(document, URL_OF_PAGE);
    expect(capture.title).toBe('Acme reviews');
    expect(capture.passage).toBeNull();
    expect(capture.text).toMatch(/^Acme Acme delivered on time/);
    expect(capture.text).not.toMatch(/Menu text|Footer text|not text/);
    expect(capture.linkedUrls).toEqual(['https://acme.example/offer', 'https://acme.example/via']);
  });

  it('keeps the first part of a long page only', () => {
    load('<title>t</title>', `<article>${`<p>${LONG_TEXT}</p>`.repeat(100)}</article>`);
    expect(capturePage(document, URL_OF_PAGE).text.length).toBe(MAX_CAPTURED_TEXT);
  });

  it('takes the selected passage when there is one', () => {
    load('<title>t</title>', '<main><p id="first">Acme is a scam, avoid.</p><p>Other text</p></main>');
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('first')!);
    window.getSelection()!.addRange(range);
    expect(capturePage(document, URL_OF_PAGE).passage).toBe('Acme is a scam, avoid.');
  });

  it.each([
    ['JSON-LD with an aggregate rating', '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","aggregateRating":{"@type":"AggregateRating","ratingValue":4}}</script>', '', 'review-site'],
    ['a JSON-LD graph holding a Review', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["Review"]}]}</script>', '', 'review-site'],
    ['microdata reviews', '', '<div itemscope itemtype="https://schema.org/Review">great</div>', 'review-site'],
    ['a NewsArticle', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-04-10T08:00:00Z"}</script>', '', 'news'],
    ['a BlogPosting', '<script type="application/ld+json">{"@type":"BlogPosting"}</script>', '', 'blog'],
    ['og:type article on WordPress', '<meta property="og:type" content="article"><meta name="generator" content="WordPress 6.5">', '', 'blog'],
    ['an article with a date', '', '<article><time datetime="2024-04-10">10 April</time> text</article>', 'news'],
    ['broken JSON-LD and nothing else', '<script type="application/ld+json">{not json</script>', '<p>plain</p>', undefined],
  ])('says what the page is: %s', (_name, head, body, kind) => {
    load(`<title>t</title>${head}`, body);
    expect(capturePage(document, URL_OF_PAGE).kindHint).toBe(kind);
  });

  it('dates the page from article:published_time, else JSON-LD, else <time datetime>', () => {
    load('<meta property="article:published_time" content="2024-04-10T10:00:00+02:00">', '<time datetime="2020-01-01">old</time>');
    expect(capturePage(document, URL_OF_PAGE).dateIso).toBe('2024-04-10T08:00:00.000Z');
    load('', '<time datetime="2023-05-06T07:08:09Z">then</time>');
    expect(capturePage(document, URL_OF_PAGE).dateIso).toBe('2023-05-06T07:08:09.000Z');
    load('', '<time datetime="yesterday">yesterday</time>');
    expect(capturePage(document, URL_OF_PAGE).dateIso).toBeUndefined();
  });
});
