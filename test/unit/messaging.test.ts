import { describe, expect, it, vi } from 'vitest';
import { dispatchMessage, protocol, request, RemoteError, type Handlers } from '@/lib/messaging';

type Context = { origin: 'extension-page' | 'content-script' };

function handlers(overrides: Partial<Handlers<Context>> = {}): Handlers<Context> {
  const fail = async () => {
    throw new Error('not under test');
  };
  const all = Object.fromEntries(Object.keys(protocol).map((type) => [type, fail])) as unknown as Handlers<Context>;
  return { ...all, 'projects.list': async () => ({ projects: [], activeProjectId: null }), ...overrides };
}

const context: Context = { origin: 'content-script' };

describe('message protocol', () => {
  it.each([
    ['not an object', 'hello'],
    ['no type', { payload: {} }],
    ['unknown type', { type: 'db.dropEverything', payload: {} }],
    ['payload of the wrong shape', { type: 'mark.set', payload: { sentiment: 'great' } }],
    ['oversized list', { type: 'page.observe', payload: { page: { url: 'x', site: 'google', kind: 'serp' }, items: Array(501).fill({ url: 'u', title: '', snippet: '' }) } }],
    ['bad month', { type: 'kpi.get', payload: { month: '2026-13' } }],
  ])('answers %s with an error, never an exception', async (_name, message) => {
    const reply = await dispatchMessage(message, context, handlers());
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/Malformed|Invalid/);
  });

  it('passes a valid request to its handler and validates the answer', async () => {
    const observe = vi.fn(async () => ({ projectId: null, projectName: null, minSuggestionConfidence: 0, items: [] }));
    const reply = await dispatchMessage(
      { type: 'page.observe', payload: { page: { url: 'https://www.google.com/search?q=a', site: 'google', kind: 'serp' }, items: [{ url: 'https://a.com', title: 'A', snippet: '' }] } },
      context,
      handlers({ 'page.observe': observe }),
    );
    expect(reply).toEqual({ ok: true, data: { projectId: null, projectName: null, minSuggestionConfidence: 0, items: [] } });
    expect(observe).toHaveBeenCalledWith(
      expect.objectContaining({ items: [{ url: 'https://a.com', title: 'A', snippet: '', linkedUrls: [] }] }),
      context,
    );
  });

  it('turns a handler failure into an error answer', async () => {
    const reply = await dispatchMessage({ type: 'kpi.get', payload: {} }, context, handlers());
    expect(reply.ok).toBe(false);
    expect(reply).toEqual({ ok: false, error: 'not under test' });
  });

  it('a handler answer that breaks its schema is an error, not a leak', async () => {
    const reply = await dispatchMessage(
      { type: 'projects.list', payload: {} },
      context,
      handlers({ 'projects.list': async () => ({ projects: 'oops' }) as never }),
    );
    expect(reply.ok).toBe(false);
  });

  it('the sender side validates answers and raises remote errors', async () => {
    await expect(request(async () => ({ ok: false, error: 'Sender not allowed' }), 'projects.list', {})).rejects.toThrow(RemoteError);
    await expect(request(async () => undefined, 'projects.list', {})).rejects.toThrow(/No valid answer/);
    await expect(
      request(async () => ({ ok: true, data: { projects: [], activeProjectId: null } }), 'projects.list', {}),
    ).resolves.toEqual({ projects: [], activeProjectId: null });
  });
});
