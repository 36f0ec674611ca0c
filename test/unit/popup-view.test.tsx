// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupData } from '@/components/PopupView';

const data = (isKeyQuery: boolean): PopupData => ({
  projects: [],
  activeProjectId: null,
  report: null,
  tabPage: { kind: 'serp', site: 'google', siteName: 'Google', recognised: true, itemsFound: 10, query: 'acme prices', isKeyQuery },
});

describe('popup: the tab query', () => {
  it('offers one click to add a query that is not a key query, and says when it is one', () => {
    const root = document.createElement('div');
    const onAddKeyQuery = vi.fn();
    const show = (isKeyQuery: boolean) =>
      render(<PopupView data={data(isKeyQuery)} error={null} onSelectProject={() => undefined} onOpenDashboard={() => undefined} onAddKeyQuery={onAddKeyQuery} />, root);
    show(false);
    expect(root.querySelector('[data-testid="tab-key-query"]')?.getAttribute('data-value')).toBe('false');
    root.querySelector<HTMLButtonElement>('[data-testid="add-key-query"]')!.click();
    expect(onAddKeyQuery).toHaveBeenCalledWith('acme prices');
    show(true);
    expect(root.querySelector('[data-testid="tab-key-query"]')?.textContent).toMatch(/is one of this project's key queries/);
    expect(root.querySelector('[data-testid="add-key-query"]')).toBeNull();
    render(null, root);
  });
});
