import { describe, expect, it } from 'vitest';
import { findSite, type PageExtract } from '../../lib/sites';
import { pageExtraction } from './page';

const { extractOrFail: extractHtml, extractFixture } = pageExtraction('yandex');

const urlsOf = (extract: PageExtract): string[] => extract.items.map((item) => item.url);

const DESKTOP_URL = 'https://yandex.ru/search/?text=%D0%B0%D0%BA%D0%BC%D0%B5+%D0%BE%D1%82%D0%B7%D1%8B%D0%B2%D1%8B&lr=213';
const TOUCH_URL = 'https://yandex.ru/search/touch/?text=%D0%B0%D0%BA%D0%BC%D0%B5&p=1&lr=213';
const LEGACY_URL = 'https://yandex.com.tr/search/?text=acme&numdoc=20&p=2&lr=11508';

/** One organic result in today's desktop markup, for the small inline pages below. */
function organic(href: string, title: string, pathHref = href): string {
  return `<li class="serp-item serp-item_card"><div class="Organic organic">
    <div class="OrganicTitle"><a class="Link OrganicTitle-Link organic__url" href="${href}">
      <h2 class="OrganicTitle-LinkText"><span class="OrganicTitleContentSpan organic__title">${title}</span></h2></a></div>
    <div class="Organic-Subtitle"><div class="Path"><a class="Link Path-Item" href="${pathHref}">path</a></div></div>
  </div></li>`;
}

const page = (items: string): string => `<html><body><ul class="serp-list" id="search-result">${items}</ul></body></html>`;

describe('yandex: which pages', () => {
  it.each([
    'https://yandex.ru/search/?text=acme',
    'https://yandex.ru/search/touch/?text=acme&lr=213',
    'https://yandex.com/search/?text=acme',
    'https://yandex.by/search/?text=acme',
    'https://yandex.kz/search/touch/?text=acme',
    'https://yandex.com.tr/search/?text=acme',
    'https://ya.ru/search/?text=acme',
    'https://www.yandex.ru/search/?text=acme',
  ])('reads %s as a Yandex results page', (url) => {
    expect(findSite(url)?.id).toBe('yandex');
  });

  it.each([
    'https://yandex.ru/images/search?text=acme',
    'https://yandex.ru/video/search?text=acme',
    'https://market.yandex.ru/search?text=acme',
    'https://yandex.ru/maps/?text=acme',
    'https://yandex.ru/',
  ])('leaves %s alone (not a web results page)', (url) => {
    expect(findSite(url)?.id).not.toBe('yandex');
  });
});

describe('yandex: query and position from the URL', () => {
  it('takes the query from text=, decoded', () => {
    expect(extractHtml(page(''), DESKTOP_URL).query).toBe('акме отзывы');
  });

  it.each([
    ['https://yandex.ru/search/?text=acme', 1],
    ['https://yandex.ru/search/?text=acme&p=0', 1],
    ['https://yandex.ru/search/?text=acme&p=1', 11],
    ['https://yandex.ru/search/touch/?text=acme&p=4', 41],
    ['https://yandex.ru/search/?text=acme&numdoc=50&p=1', 51],
  ])('%s starts at rank %i (p is the 0-based page, numdoc the page size)', (url, firstRank) => {
    const extract = extractHtml(page(organic('https://a.example/', 'A')), url);
    expect(extract.firstRank).toBe(firstRank);
    expect(extract.items[0]?.rank).toBe(firstRank);
  });
});

describe('yandex: organic results on the desktop page', () => {
  const extract = extractFixture('desktop-2023.html', DESKTOP_URL);
  const urls = urlsOf(extract);

  it('numbers the organic results 1..n in page order', () => {
    expect(extract.items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('skips Direct ads: data-fast-name="direct", yabs counters and blocks labelled as ads', () => {
    expect(urls.some((url) => url.includes('yabs.yandex'))).toBe(false);
    expect(urls).not.toContain('https://promo.example.com/acme?yclid=12345');
  });

  it('skips the Нейро AI answer and its source links', () => {
    expect(urls.filter((url) => url === 'https://acme.example.ru/')).toHaveLength(1);
    expect(urls).not.toContain('https://otzovik.example/reviews/acme/');
  });

  it('skips wizards: video, the companies local pack, related searches and the right column', () => {
    expect(urls.some((url) => url.includes('youtube.com') || url.includes('/video/'))).toBe(false);
    expect(urls).not.toContain('https://yandex.ru/maps/org/akme/1200000001/');
    expect(urls.some((url) => url.includes('/search/'))).toBe(false);
    expect(urls).not.toContain('https://ru.wikipedia.org/wiki/Acme');
  });

  it("counts result blocks of Yandex's own services (Realty, Maps) like the data does", () => {
    expect(urls).toContain('https://realty.yandex.ru/moskva/kupit/novostrojka/akme-park-1/otzyvy/');
    expect(urls).toContain('https://yandex.ru/maps/org/akme/1200000001/reviews/');
  });

  it('decodes a clck counter that carries url= and falls back to the green path for an encrypted one', () => {
    expect(extract.items[1]?.url).toBe('https://forum.example.org/t/acme-otzyvy/?page=2');
    expect(extract.items[2]?.url).toBe('https://reviews.example.net/brands/acme');
  });

  it('uses the result block as the item element, for the tag row', () => {
    for (const item of extract.items) expect(item.element.classList.contains('serp-item')).toBe(true);
  });
});

describe('yandex: ads whose title links straight to the advertiser', () => {
  it.each([
    ['data-fast-name="direct"', '<li class="serp-item" data-fast-name="direct">'],
    ['an aria-label "Реклама"', '<li class="serp-item"><span aria-label="Реклама"></span>'],
    ['the old Direct label', '<li class="serp-item"><div class="label label_theme_direct">Реклама</div>'],
  ])('skips a block marked by %s', (_marker, open) => {
    const ad = `${open}<div class="Organic"><a class="OrganicTitle-Link" href="https://shop.example/?yclid=1"><h2>Ad</h2></a></div></li>`;
    const extract = extractHtml(page(ad + organic('https://b.example/', 'B')), 'https://yandex.ru/search/?text=x');
    expect(urlsOf(extract)).toEqual(['https://b.example/']);
  });
});

describe("yandex: Yandex's own pages as results", () => {
  it('counts a Yandex site that is a result (Direct, Dzen) but not a link into a Yandex results page', () => {
    const extract = extractHtml(
      page(
        organic('https://direct.yandex.ru/', 'Яндекс Директ') +
          organic('https://yandex.ru/images/search?text=acme', 'Картинки') +
          organic('https://dzen.ru/a/acme-review', 'Обзор Акме') +
          organic('https://yandex.ru/video/touch/preview/?text=acme', 'Видео'),
      ),
      'https://yandex.ru/search/?text=x',
    );
    expect(urlsOf(extract)).toEqual(['https://direct.yandex.ru/', 'https://dzen.ru/a/acme-review']);
  });
});

describe('yandex: touch layout, page 2', () => {
  const extract = extractFixture('touch-page2.html', TOUCH_URL);

  it('continues the ranks from p=1 and skips video, images, Yandex Q and the ad', () => {
    expect(extract.items.map((item) => [item.rank, item.url])).toEqual([
      [11, 'https://garden.example.ru/brands/acme/'],
      [12, 'https://otzovik.example/reviews/acme/'],
      [13, 'https://acme-club.example.com/forum/'],
    ]);
  });

  it('reads the headline only, without the green path or the date label inside the link', () => {
    expect(extract.items[0]?.title).toBe('Газонокосилки Акме — каталог и цены');
  });
});

describe('yandex: 2020 markup', () => {
  const extract = extractFixture('desktop-2020-numdoc.html', LEGACY_URL);

  it('counts a Realty wizard headline but not a social gallery composite', () => {
    const urls = urlsOf(extract);
    expect(urls).toContain('https://realty.yandex.ru/moskva/kupit/novostrojka/acme-residence-7/?from=wizard.site-thumb');
    expect(urls.some((url) => url.includes('instagram.com'))).toBe(false);
  });

  it('starts at p * numdoc + 1', () => {
    expect(extract.items.map((item) => item.rank)).toEqual([41, 42, 43]);
  });
});

describe('yandex: redirect links', () => {
  it('keeps an encrypted counter URL when no direct link is on the block, so the rank stays right', () => {
    const counter = 'https://yandex.ru/clck/jsredir?from=yandex.ru%3Bsearch&etext=2202.x&state=abc';
    const extract = extractHtml(
      page(organic(counter, 'Encrypted', counter) + organic('https://b.example/', 'B')),
      'https://yandex.ru/search/?text=x',
    );
    expect(urlsOf(extract)).toEqual([counter, 'https://b.example/']);
  });

  it('reads the target after the star of a clck/redir counter', () => {
    const counter = 'https://clck.yandex.ru/redir/dtype=stred/pid=7/cid=1228/*https://c.example/page';
    const extract = extractHtml(page(organic(counter, 'Starred', counter)), 'https://yandex.ru/search/?text=x');
    expect(urlsOf(extract)).toEqual(['https://c.example/page']);
  });
});

describe('yandex: warning pages and Turbo copies in front of a result', () => {
  it.each([
    ['https://yandex.ru/safety/?url=https%3A%2F%2Fflagged.example%2Fpage&infected=malware', 'https://flagged.example/page'],
    ['https://yandex.ru/search/infected?url=https%3A%2F%2Fflagged.example%2F&l10n=ru', 'https://flagged.example/'],
    ['https://yandex.ru/turbo?text=https%3A%2F%2Fnews.example.ru%2F2020%2Facme', 'https://news.example.ru/2020/acme'],
  ])('%s is the result %s, in its place', (href, target) => {
    const extract = extractHtml(
      page(organic('https://a.example/', 'A') + organic(href, 'Wrapped', href)),
      'https://yandex.ru/search/?text=x',
    );
    expect(extract.items.map((item) => [item.rank, item.url])).toEqual([
      [1, 'https://a.example/'],
      [2, target],
    ]);
  });
});

describe('yandex: the last organic result of the page', () => {
  const extract = extractFixture(
    'last-result-2021.html',
    'https://yandex.ru/search/?text=%D0%B0%D0%BA%D0%BC%D0%B5+%D1%80%D0%B5%D0%BC%D0%BE%D0%BD%D1%82&lr=213',
  );

  it('reads the last result although the ads’ impression counter sits in it, and skips the labelled ads', () => {
    expect(extract.items.map((item) => [item.rank, item.url])).toEqual([
      [1, 'https://www.acme.example/service/'],
      [2, 'https://otzovik.example.ru/acme_service/'],
      [3, 'https://forum.remont.example/t/acme/15'],
    ]);
  });

  it('roots each item at its own list item', () => {
    for (const item of extract.items) {
      expect(item.element.matches('li.serp-item')).toBe(true);
      expect(item.element.querySelector('a.OrganicTitle-Link')?.getAttribute('href')).toBe(item.url);
    }
  });

  it('reads the full extended text without the aria-hidden "Скрыть" toggle', () => {
    expect(extract.items[0]?.snippet).toBe('Адреса сервисных центров Акме в Москве и области, часы работы.');
  });

  it('reads a result list item whatever its class, beside the .serp-item ones', () => {
    const variant = page(organic('https://a.example/', 'A')).replace(
      '</ul>',
      `<li data-cid="9"><div class="Organic organic"><div class="OrganicTitle"><a class="Link OrganicTitle-Link" href="https://b.example/">
        <h2 class="OrganicTitle-LinkText"><span class="OrganicTitleContentSpan">B</span></h2></a></div></div></li></ul>`,
    );
    expect(urlsOf(extractHtml(variant, DESKTOP_URL))).toEqual(['https://a.example/', 'https://b.example/']);
  });
});
