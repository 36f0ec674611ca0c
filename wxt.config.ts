import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { searchEngineMatchPatterns } from './lib/sites';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Reputation Lens',
    description:
      'Tag and mark search results and forum posts about your client, and track reputation KPIs month over month.',
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: searchEngineMatchPatterns(),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    browser_specific_settings: { gecko: { id: 'reputation-lens@example.org', strict_min_version: '115.0' } },
  },
  webExt: { disabled: true },
});
