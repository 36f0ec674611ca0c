import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, hostnameOf, isOnDomain, normalizeDomain, normalizeQuery, unwrapRedirect } from '../../lib/match/url';

describe('canonicalizeUrl', () => {
  it('lowercases the host, drops www., the fragment and the default port', () => {
    expect(canonicalizeUrl('HTTPS://WWW.Example.COM:443/Path/Page?x=1#section')).toBe('https://example.com/Path/Page?x=1');
    expect(canonicalizeUrl('http://www.example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalizeUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('drops tracking parameters and keeps the others in order and spelling', () => {
    expect(
      canonicalizeUrl(
        'https://shop.example/item?b=2&utm_source=google&a=1&UTM_Medium=cpc&gclid=x&fbclid=y&yclid=1&msclkid=2&_openstat=3&dclid=4&gbraid=5&wbraid=6&mc_cid=7&mc_eid=8&q=a%20b+c',
      ),
    ).toBe('https://shop.example/item?b=2&a=1&q=a%20b+c');
    expect(canonicalizeUrl('https://shop.example/item?utm_campaign=x')).toBe('https://shop.example/item');
  });

  it('treats the bare root with and without a slash alike and keeps other trailing slashes', () => {
    expect(canonicalizeUrl('https://example.com')).toBe(canonicalizeUrl('https://example.com/'));
    expect(canonicalizeUrl('https://example.com/docs/')).toBe('https://example.com/docs/');
    expect(canonicalizeUrl('https://example.com/docs')).toBe('https://example.com/docs');
  });

  it('gives one key for a URL spelled with raw or percent-encoded non-ASCII', () => {
    expect(canonicalizeUrl('https://ru.wikipedia.org/wiki/Акме')).toBe(canonicalizeUrl('https://ru.wikipedia.org/wiki/%D0%90%D0%BA%D0%BC%D0%B5'));
    expect(canonicalizeUrl('https://пример.рф/')).toBe('https://xn--e1afmkfd.xn--p1ai/');
  });

  it('returns unparseable input trimmed instead of throwing', () => {
    expect(canonicalizeUrl('  not a url  ')).toBe('not a url');
    expect(canonicalizeUrl('')).toBe('');
    expect(canonicalizeUrl('http://')).toBe('http://');
  });
});

describe('hostnameOf', () => {
  it('gives the lowercase host without www.', () => {
    expect(hostnameOf('https://WWW.Example.com/a')).toBe('example.com');
    expect(hostnameOf('https://shop.example.com')).toBe('shop.example.com');
  });

  it('is null for strings that are not absolute URLs', () => {
    expect(hostnameOf('example.com/path')).toBeNull();
    expect(hostnameOf('nonsense')).toBeNull();
  });
});

describe('normalizeDomain', () => {
  it('accepts URLs and bare domains', () => {
    expect(normalizeDomain('https://www.Example.com/path')).toBe('example.com');
    expect(normalizeDomain('example.com')).toBe('example.com');
    expect(normalizeDomain(' Shop.Example.co.uk ')).toBe('shop.example.co.uk');
    expect(normalizeDomain('пример.рф')).toBe('xn--e1afmkfd.xn--p1ai');
  });

  it('rejects what is not a domain', () => {
    for (const input of ['not a domain', 'foo', 'http://', '', '   ', '192.168.0.1', 'example.', '-bad-.com', 'a..b']) {
      expect(normalizeDomain(input), input).toBeNull();
    }
  });
});

describe('isOnDomain', () => {
  const domains = ['example.com', 'https://www.Client.org/'];

  it('matches the domain itself and its subdomains', () => {
    expect(isOnDomain('https://example.com/a', domains)).toBe(true);
    expect(isOnDomain('https://shop.example.com/a', domains)).toBe(true);
    expect(isOnDomain('www.client.org', domains)).toBe(true);
    expect(isOnDomain('blog.client.org', domains)).toBe(true);
  });

  it('does not match lookalike or parent domains', () => {
    expect(isOnDomain('https://notexample.com/', domains)).toBe(false);
    expect(isOnDomain('https://example.com.evil.net/', domains)).toBe(false);
    expect(isOnDomain('https://com/', domains)).toBe(false);
    expect(isOnDomain('garbage', domains)).toBe(false);
    expect(isOnDomain('https://example.com/', [])).toBe(false);
  });
});

describe('unwrapRedirect', () => {
  const google = 'https://www.google.com/search?q=acme';

  it('decodes Google /url?q= and /url?url= links, relative or absolute', () => {
    expect(unwrapRedirect('/url?q=https://example.com/a%3Fb%3D1&sa=U&ved=x', google)).toBe('https://example.com/a?b=1');
    expect(unwrapRedirect('https://www.google.co.uk/url?sa=t&url=https%3A%2F%2Fexample.org%2F&usg=x')).toBe('https://example.org/');
  });

  it('decodes Bing ck/a links whose u= carries a1 + base64url', () => {
    const target = 'https://ru.example/wiki/Акме_(компания)?a=1&b=2';
    const encoded = `a1${Buffer.from(target).toString('base64url')}`;
    expect(unwrapRedirect(`https://www.bing.com/ck/a?!&&p=abc&ptn=3&u=${encoded}&ntb=1`)).toBe(new URL(target).href);
  });

  it('decodes DuckDuckGo uddg links, protocol-relative or not', () => {
    expect(unwrapRedirect('//duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.com%2Fx%3Fy%3D1&rut=abc', 'https://duckduckgo.com/?q=a')).toBe(
      'https://example.com/x?y=1',
    );
  });

  it('decodes the Yandex counters that carry the target in clear', () => {
    expect(unwrapRedirect('https://clck.yandex.ru/redir/dtype=stred/pid=7/cid=2508/*https://example.ru/page')).toBe('https://example.ru/page');
    expect(unwrapRedirect('https://yandex.ru/clck/redirect?url=https%3A%2F%2Fexample.ru%2F')).toBe('https://example.ru/');
  });

  it('keeps wrappers whose target cannot be recovered', () => {
    const encrypted = 'https://yandex.ru/clck/jsredir?from=yandex.ru&text=acme&data=UlNrNmk5WktYejR0eWJFYk1Ldmtx';
    expect(unwrapRedirect(encrypted)).toBe(encrypted);
    const notBase64 = 'https://www.bing.com/ck/a?u=zz';
    expect(unwrapRedirect(notBase64)).toBe(notBase64);
  });

  it('unwraps nested wrappers', () => {
    const inner = `https://www.google.com/url?q=${encodeURIComponent('https://example.com/deep')}`;
    expect(unwrapRedirect(`https://duckduckgo.com/l/?uddg=${encodeURIComponent(inner)}`)).toBe('https://example.com/deep');
  });

  it('resolves relative links against the base and returns plain links unchanged', () => {
    expect(unwrapRedirect('/search?q=b', google)).toBe('https://www.google.com/search?q=b');
    expect(unwrapRedirect('https://Example.com/x')).toBe('https://Example.com/x');
    expect(unwrapRedirect('not a url')).toBe('not a url');
    expect(unwrapRedirect('/url?q=javascript:alert(1)', google)).toBe('https://www.google.com/url?q=javascript:alert(1)');
  });
});

describe('normalizeQuery', () => {
  it('trims, collapses whitespace, lowercases and composes', () => {
    expect(normalizeQuery('  Acme\t  WIDGETS\n')).toBe('acme widgets');
    expect(normalizeQuery('ОТЗЫВЫ  Акме')).toBe('отзывы акме');
    expect(normalizeQuery('Cafe\u0301')).toBe('caf\u00e9');
    expect(normalizeQuery('İstanbul')).toBe('i̇stanbul');
  });
});
