// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shadowTagRowViews, type UserInputGuard } from '@/lib/annotate/shadow-view';
import type { TagRowState } from '@/lib/annotate/tag-row-view';
import { LOW_CONFIDENCE } from '@/lib/sentiment/types';
import { recordShadowRoots } from '../support/shadow-roots';

const ACTIONS = ['positive', 'neutral', 'negative', 'irrelevant', 'recommends'];
const NO_FLAGS = { clientSite: false, linksToClient: false, mentionsClient: false };

function state(overrides: Partial<TagRowState> = {}): TagRowState {
  return {
    label: 'neutral',
    labelSource: 'suggested',
    confidence: 0.42,
    countedFrom: 0,
    recommends: false,
    recommendsSource: 'suggested',
    flags: NO_FLAGS,
    saving: false,
    error: null,
    hasProject: true,
    source: null,
    ...overrides,
  };
}

/** Events made in a test are never trusted: unless a test says otherwise, its clicks stand for the user's. */
const asUserInput: UserInputGuard = () => true;

function mountRow(isUserInput: UserInputGuard = asUserInput) {
  const rootOf = recordShadowRoots();
  const callbacks = { onMark: vi.fn(), onToggleRecommends: vi.fn(), onOpenDashboard: vi.fn() };
  const view = shadowTagRowViews('.row{}', isUserInput)(document, callbacks);
  const host = view.host;
  document.body.append(host);
  const root = rootOf(host);
  const parts = () => [...root.querySelector('.row')!.children].map((child) => child.className || child.tagName);
  const button = (action: string) => root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  return { host, view, root, callbacks, parts, button };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('tag row view', () => {
  it('shows the suggestion with its confidence, and a mark as pressed', () => {
    const { view, root, button } = mountRow();
    view.render(state());
    const label = root.querySelector('.label')!;
    expect(label.textContent).toBe('~ neutral');
    expect(label.getAttribute('title')).toBe('Suggested label (confidence 42%)');
    expect(button('neutral').getAttribute('aria-pressed')).toBe('false');
    view.render(state({ label: 'negative', labelSource: 'marked' }));
    expect(label.textContent).toBe('✓ negative');
    expect(root.querySelector('.row')!.classList.contains('label-negative')).toBe(true);
    expect(button('negative').getAttribute('aria-pressed')).toBe('true');
    expect(button('neutral').getAttribute('aria-pressed')).toBe('false');
  });

  it('marks a suggestion below LOW_CONFIDENCE as uncertain by text, title and attribute, not colour alone', () => {
    const { view, root, button, parts } = mountRow();
    const label = root.querySelector('.label')!;
    view.render(state({ label: 'positive', confidence: LOW_CONFIDENCE - 0.05 }));
    expect(label.getAttribute('data-confidence')).toBe('low');
    expect(label.textContent).toBe('~ positive?');
    expect(label.getAttribute('title')).toBe(`Suggested label (low confidence ${Math.round((LOW_CONFIDENCE - 0.05) * 100)}%)`);
    expect(root.querySelector('.row')!.classList.contains('label-positive')).toBe(true);
    expect(button('positive').getAttribute('aria-pressed')).toBe('false');
    expect(parts()).toEqual([
      'label label-suggested',
      'mark mark-positive', 'mark mark-neutral', 'mark mark-negative', 'mark mark-irrelevant', 'mark mark-recommends',
    ]);

    view.render(state({ label: 'positive', confidence: LOW_CONFIDENCE }));
    expect(label.hasAttribute('data-confidence')).toBe(false);
    expect(label.textContent).toBe('~ positive');

    view.render(state({ label: 'positive', confidence: 0.1, labelSource: 'marked' }));
    expect(label.hasAttribute('data-confidence')).toBe(false);
    expect(label.textContent).toBe('✓ positive');
    expect(label.getAttribute('title')).toBe('Marked by you');
  });

  it('says when a suggestion is below the project\'s threshold and so not counted', () => {
    const { view, root } = mountRow();
    const label = root.querySelector('.label')!;
    view.render(state({ label: 'negative', confidence: 0.55, countedFrom: 0.6 }));
    expect(label.getAttribute('data-confidence')).toBe('low');
    expect(label.textContent).toBe('~ negative?');
    expect(label.getAttribute('title')).toBe("Suggested label (low confidence 55%, below this project’s 60%: not counted)");
    view.render(state({ label: 'negative', confidence: 0.6, countedFrom: 0.6 }));
    expect(label.hasAttribute('data-confidence')).toBe(false);
    expect(label.getAttribute('title')).toBe('Suggested label (confidence 60%)');
  });

  it('adds and removes badges, the engine and the status in a fixed order', () => {
    const { view, parts } = mountRow();
    view.render(state({ flags: { clientSite: false, linksToClient: true, mentionsClient: true }, source: 'phpbb', saving: true }));
    expect(parts()).toEqual([
      'label label-suggested', 'badge badge-link', 'badge badge-mention', 'source',
      'mark mark-positive', 'mark mark-neutral', 'mark mark-negative', 'mark mark-irrelevant', 'mark mark-recommends',
      'status',
    ]);
    view.render(state({ flags: { clientSite: true, linksToClient: false, mentionsClient: true }, error: 'Not saved' }));
    expect(parts()).toEqual([
      'label label-suggested', 'badge badge-client', 'badge badge-mention',
      'mark mark-positive', 'mark mark-neutral', 'mark mark-negative', 'mark mark-irrelevant', 'mark mark-recommends',
      'status error',
    ]);
  });

  it('shows a competitor badge for a result on a competitor domain', () => {
    const { view, root } = mountRow();
    view.render(state({ flags: { ...NO_FLAGS, mentionsClient: true, competitor: true } }));
    expect(root.querySelector('.badge-competitor')?.textContent).toBe('competitor');
    view.render(state({ flags: { ...NO_FLAGS, competitor: false } }));
    expect(root.querySelector('.badge-competitor')).toBeNull();
  });

  it('gives every part its compact form beside its words, which stay its text and its tooltip', () => {
    const { view, root, button } = mountRow();
    view.render(state({ label: 'negative', labelSource: 'marked', flags: { clientSite: true, linksToClient: false, mentionsClient: true }, source: 'generic' }));
    expect(root.querySelector('.row')!.getAttribute('lang')).toBe('en');
    const label = root.querySelector('.label')!;
    expect([label.textContent, label.getAttribute('data-short')]).toEqual(['✓ negative', '✓−']);
    expect(ACTIONS.map((action) => [button(action).textContent, button(action).getAttribute('data-short')])).toEqual([
      ['positive', '+'], ['neutral', '='], ['negative', '−'], ['irrelevant', '∅'], ['recommends', '★'],
    ]);
    const badges = [...root.querySelectorAll('.badge')].map((badge) => [badge.textContent, badge.getAttribute('title'), badge.getAttribute('data-short')]);
    expect(badges).toEqual([['client site', 'client site', '⌂'], ['mentions client', 'mentions client', '@']]);
    expect(root.querySelector('.source')!.getAttribute('data-short')).toBe('guess');
    view.render(state({ label: 'unknown', confidence: null }));
    expect(label.getAttribute('data-short')).toBe('~…');
  });

  it('sends each button to its callback, and nothing while a write is pending', () => {
    const { view, callbacks, button } = mountRow();
    view.render(state());
    button('positive').click();
    button('recommends').click();
    expect(callbacks.onMark).toHaveBeenCalledWith('positive');
    expect(callbacks.onToggleRecommends).toHaveBeenCalledTimes(1);
    view.render(state({ saving: true }));
    expect(button('irrelevant').disabled).toBe(true);
    button('irrelevant').click();
    expect(callbacks.onMark).toHaveBeenCalledTimes(1);
  });

  it('without a project every button leads to the dashboard, and says why in its title only', () => {
    const { view, root, callbacks, button } = mountRow();
    view.render(state({ hasProject: false }));
    button('negative').click();
    button('recommends').click();
    expect(callbacks.onMark).not.toHaveBeenCalled();
    expect(callbacks.onToggleRecommends).not.toHaveBeenCalled();
    expect(callbacks.onOpenDashboard).toHaveBeenCalledTimes(2);
    expect(button('negative').title).toBe('Create a project in the dashboard to mark results');
    // The page's one notice says it (lib/annotate/page-notice.ts): no row repeats it.
    expect(root.querySelector('.row')!.textContent).not.toMatch(/project/i);
  });

  it('lives in a closed shadow root: the page finds no shadowRoot on the host', () => {
    const { host, root } = mountRow();
    expect(host.localName).toBe('rl-tags');
    expect(host.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
  });

  it('shows the suggestion as data-suggested and the mark as aria-pressed, inside the root only', () => {
    const { host, view, button } = mountRow();
    view.render(state({ label: 'negative', recommends: true, recommendsSource: 'suggested' }));
    expect(button('negative').getAttribute('data-suggested')).toBe('true');
    expect(button('negative').getAttribute('aria-pressed')).toBe('false');
    expect(button('recommends').getAttribute('data-suggested')).toBe('true');
    expect(button('positive').hasAttribute('data-suggested')).toBe(false);

    view.render(state({ label: 'positive', labelSource: 'marked', recommends: true, recommendsSource: 'marked' }));
    expect(button('positive').getAttribute('aria-pressed')).toBe('true');
    expect(button('recommends').getAttribute('aria-pressed')).toBe('true');
    expect(ACTIONS.filter((action) => button(action).hasAttribute('data-suggested'))).toEqual([]);
    expect(host.getAttributeNames()).toEqual([]);
  });

  it('ignores a click that is not the user\'s own input, on every button', () => {
    const isUserInput = vi.fn<UserInputGuard>(() => false);
    const { view, callbacks, button } = mountRow(isUserInput);
    view.render(state());
    for (const action of ACTIONS) button(action).click();
    view.render(state({ hasProject: false }));
    button('positive').click();
    expect(isUserInput).toHaveBeenCalledTimes(6);
    expect(callbacks.onMark).not.toHaveBeenCalled();
    expect(callbacks.onToggleRecommends).not.toHaveBeenCalled();
    expect(callbacks.onOpenDashboard).not.toHaveBeenCalled();
  });

  it('by default takes only trusted events, and a test-made click never is one', () => {
    const rootOf = recordShadowRoots();
    const callbacks = { onMark: vi.fn(), onToggleRecommends: vi.fn(), onOpenDashboard: vi.fn() };
    const view = shadowTagRowViews('')(document, callbacks);
    document.body.append(view.host);
    view.render(state());
    const positive = rootOf(view.host).querySelector<HTMLButtonElement>('[data-action="positive"]')!;
    positive.click();
    positive.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(callbacks.onMark).not.toHaveBeenCalled();
  });
});
