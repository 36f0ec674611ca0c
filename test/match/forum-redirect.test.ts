import { describe, expect, it } from 'vitest';
import { unwrapRedirect } from '../../lib/match/url';

const TARGET = 'https://client.example/page?a=1&b=2';
const encoded = encodeURIComponent(TARGET);

describe('unwrapRedirect: forum link wrappers', () => {
  it.each([
    ['XenForo proxy.php?link=', `https://forum.example/proxy.php?link=${encoded}&hash=abc`],
    ['redirect?url=', `https://forum.example/redirect?url=${encoded}`],
    ['redirect?to=', `https://forum.example/redirect?to=${encoded}`],
    ['away.php?to=', `https://vk.example/away.php?to=${encoded}&cc_key=`],
    ['vBulletin redirect-to/?redirect=', `https://forum.example/forum/redirect-to/?redirect=${encoded}`],
    ['Discourse /clicks/track?url=', `https://discuss.example/clicks/track?url=${encoded}&post_id=1&topic_id=2`],
    ['out.reddit.com ?url=', `https://out.reddit.com/t3_abc?url=${encoded}&token=x`],
    ['go.php?u=', `https://forum.example/go.php?u=${encoded}`],
    ['leave?link=', `https://forum.example/leave?link=${encoded}`],
  ])('decodes %s', (_name, wrapped) => {
    expect(unwrapRedirect(wrapped)).toBe(TARGET);
  });

  it('resolves a relative wrapper against the page', () => {
    expect(unwrapRedirect(`/proxy.php?link=${encoded}`, 'https://forum.example/threads/x.1/')).toBe(TARGET);
  });

  it('leaves ordinary pages whose parameters look like a URL alone', () => {
    for (const url of [
      `https://forum.example/memberlist.php?mode=viewprofile&u=${encoded}`,
      `https://shop.example/product?url=${encoded}`,
      `https://forum.example/search?to=${encoded}`,
    ]) {
      expect(unwrapRedirect(url), url).toBe(url);
    }
  });

  it('unwraps only absolute http(s) targets', () => {
    for (const url of [
      'https://forum.example/redirect?url=/local/page',
      'https://forum.example/away.php?to=javascript%3Aalert(1)',
      'https://forum.example/go?u=12345',
    ]) {
      expect(unwrapRedirect(url), url).toBe(url);
    }
  });
});
