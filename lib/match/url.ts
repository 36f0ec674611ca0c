/**
 * URL helpers shared by extraction (redirect unwrapping) and storage (canonical keys, domain matching).
 * Every function here is total: malformed input gives a sensible fallback instead of an exception,
 * because the input is page content.
 */

const TRACKING_PARAMS = new Set([
  'gclid',
  'fbclid',
  'yclid',
  'msclkid',
  '_openstat',
  'dclid',
  'gbraid',
  'wbraid',
  'mc_cid',
  'mc_eid',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function parseUrl(input: string, base?: string): URL | null {
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

function stripWww(hostname: string): string {
  return hostname.startsWith('www.') ? hostname.slice(4) : hostname;
}

function decodeParamName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Filters the raw query string pair by pair, so the parameters that stay keep their original
 * order and encoding (re-serialising through URLSearchParams would re-encode them and make two
 * spellings of one URL differ).
 */
function withoutTrackingParams(search: string): string {
  if (search.length <= 1) return '';
  const kept = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(decodeParamName(pair.split('=')[0] ?? '')));
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/**
 * The storage key of a URL: lowercase host without `www.`, no fragment, no tracking parameters,
 * no default port; the bare root's trailing slash is normalised by the URL serialiser, other paths
 * keep theirs. Unparseable input comes back trimmed. `keepFragment` is for forum posts, whose
 * permalinks within one thread differ only by their fragment (`#p123`).
 */
export function canonicalizeUrl(url: string, options: { keepFragment?: boolean } = {}): string {
  const trimmed = url.trim();
  const parsed = parseUrl(trimmed);
  if (!parsed || !parsed.host) return trimmed;
  const host = stripWww(parsed.hostname) + (parsed.port ? `:${parsed.port}` : '');
  const auth = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
  const fragment = options.keepFragment && parsed.hash.length > 1 ? parsed.hash : '';
  return `${parsed.protocol}//${auth}${host}${parsed.pathname}${withoutTrackingParams(parsed.search)}${fragment}`;
}

/** Lowercase hostname without `www.`, or null when the string is not an absolute URL with a host. */
export function hostnameOf(url: string): string | null {
  const parsed = parseUrl(url.trim());
  if (!parsed || !parsed.hostname) return null;
  return stripWww(parsed.hostname.replace(/\.$/, ''));
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * `https://www.Example.com/path` or `example.com` -> `example.com` (internationalised names in
 * their punycode form, as URL hostnames carry them); null when the input is not a domain name
 * (no dot, spaces, an IP address, an empty host).
 */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const hostname = hostnameOf(HAS_SCHEME.test(trimmed) ? trimmed : `http://${trimmed}`);
  if (!hostname) return null;
  const labels = hostname.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  return TOP_LEVEL_LABEL.test(labels[labels.length - 1] ?? '') ? hostname : null;
}

/** True when the URL's (or bare host's) hostname is one of the domains or a subdomain of one. */
export function isOnDomain(urlOrHost: string, domains: readonly string[]): boolean {
  const host = normalizeDomain(urlOrHost);
  if (!host) return false;
  return domains.some((domain) => {
    const normalized = normalizeDomain(domain);
    return normalized !== null && (host === normalized || host.endsWith(`.${normalized}`));
  });
}

function decodeBase64Url(encoded: string): string | null {
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const GOOGLE_HOST = /(^|\.)google\.[a-z.]{2,7}$/;
const YANDEX_HOST = /(^|\.)(yandex\.[a-z.]{2,7}|ya\.ru)$/;

/** Google `/url?q=` and `/url?url=` (the basic-HTML and older desktop result links). */
function googleTarget(url: URL): string | null {
  if (!GOOGLE_HOST.test(url.hostname) || url.pathname !== '/url') return null;
  return url.searchParams.get('q') || url.searchParams.get('url');
}

/** Bing `/ck/a?...&u=a1<base64url>`: the target is the base64url text after the `a1` marker. */
function bingTarget(url: URL): string | null {
  if (!/(^|\.)bing\.com$/.test(url.hostname) || url.pathname !== '/ck/a') return null;
  const encoded = url.searchParams.get('u');
  if (!encoded || !encoded.startsWith('a1')) return null;
  return decodeBase64Url(encoded.slice(2));
}

// Yandex counters: clck.yandex.<tld> hosts, /clck/ paths on yandex.<tld>, and /redirect wrappers;
// also the warning pages put before a site flagged as unsafe (/safety/, /search/infected), which
// carry the site in `url=`. Only the forms that carry the target in clear are recoverable: a
// `url=` parameter, or the target after the star that ends the counter's path parameters
// (.../redir/dtype=stred/pid=7/ then a star, then https://...). Encrypted `jsredir` links keep
// their wrapper. A Turbo copy (/turbo?text=<page>) stands for the page it copies.
function yandexTarget(url: URL): string | null {
  if (YANDEX_HOST.test(url.hostname) && url.pathname === '/turbo') {
    const page = url.searchParams.get('text');
    return page && /^https?:/i.test(page) ? page : null;
  }
  const isCounterHost = /^clck\.yandex\./.test(url.hostname) && YANDEX_HOST.test(url.hostname);
  const isCounterPath =
    YANDEX_HOST.test(url.hostname) && /^\/(clck|redirect|safety|search\/infected)(\/|$)/.test(url.pathname);
  if (!isCounterHost && !isCounterPath) return null;
  const param = url.searchParams.get('url');
  if (param && /^https?:/i.test(param)) return param;
  const href = url.href;
  const star = href.indexOf('/*');
  if (star >= 0) {
    const tail = href.slice(star + 2);
    if (/^https?(:|%3A)/i.test(tail)) return tail.includes('%3A') ? safeDecode(tail) : tail;
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** DuckDuckGo `/l/?uddg=<encoded target>`. */
function duckDuckGoTarget(url: URL): string | null {
  if (!/(^|\.)duckduckgo\.com$/.test(url.hostname) || !url.pathname.startsWith('/l/')) return null;
  return url.searchParams.get('uddg');
}

/** Path segments that name a redirector page on forums and link shorteners of their own. */
const REDIRECTOR_PATH = /(^|\/)(away|redirect|redirect-to|proxy|go|goto|out|link|leave|exit|clicks\/track)(\.php|\.html?|\.aspx?)?\/?$/i;
const REDIRECT_PARAMS = ['url', 'link', 'to', 'u', 'redirect', 'target', 'goto'];

/**
 * Forum and community link wrappers: XenForo `/proxy.php?link=`, `/redirect?url=` and `?to=`,
 * `away.php?to=`, vBulletin `redirect-to/?redirect=`, Discourse `/clicks/track?url=`,
 * `out.reddit.com/...?url=`. Only on a path that names a redirector (or reddit's out. host), and
 * only a parameter holding an absolute http(s) URL: `?u=` on an ordinary page is a user id.
 */
function forumRedirectTarget(url: URL): string | null {
  const isRedirector = REDIRECTOR_PATH.test(url.pathname) || /^out\.reddit\.com$/.test(url.hostname);
  if (!isRedirector) return null;
  for (const name of REDIRECT_PARAMS) {
    const value = url.searchParams.get(name)?.trim();
    if (value && /^https?:\/\/[^/]/i.test(value)) return value;
  }
  return null;
}

const UNWRAPPERS = [googleTarget, bingTarget, yandexTarget, duckDuckGoTarget, forumRedirectTarget];

/** Nested wrappers exist (an engine's counter around another's), but never deeply. */
const MAX_UNWRAP_DEPTH = 3;

/**
 * The real target of a search engine's or a forum's redirect link, resolved against `base` when relative.
 * Returns the input (resolved when a base is given) when there is nothing to unwrap.
 */
export function unwrapRedirect(url: string, base?: string): string {
  const start = parseUrl(url.trim(), base);
  if (!start) return url;
  let current = start;
  for (let depth = 0; depth < MAX_UNWRAP_DEPTH; depth += 1) {
    let target: string | null = null;
    for (const unwrap of UNWRAPPERS) {
      target = unwrap(current);
      if (target) break;
    }
    const next = target ? parseUrl(target, current.href) : null;
    if (!next || !/^https?:$/.test(next.protocol)) break;
    current = next;
  }
  if (current === start && HAS_SCHEME.test(url.trim())) return url;
  return current.href;
}

/** A query as typed, reduced to one spelling: trimmed, single spaces, lowercase, NFC. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
