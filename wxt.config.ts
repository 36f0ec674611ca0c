import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { searchEngineMatchPatterns } from './lib/sites';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  // No polyfill module: the extension pages import webextension-polyfill themselves, while the content
  // scripts (and WXT's own content-script helpers) use the browser's native promise-based API, so the
  // polyfill is not compiled on every page the content scripts run on.
  // Copied as they are to the extension's root; WXT picks the icon-<size>.png files up as the icons.
  publicDir: 'assets/icons',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Reputation Lens',
    description:
      'Tag and mark search results and forum posts about your client, and track reputation KPIs month over month.',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: searchEngineMatchPatterns(),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    browser_specific_settings: { gecko: { id: 'reputation-lens@example.org', strict_min_version: '115.0' } },
  },
  // `npm run dev` opens a browser with the extension where there is a screen to show it on; on a
  // headless machine it only builds and watches.
  webExt: {
    disabled: process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    binaries: existsSync(SYSTEM_CHROMIUM) ? { chrome: SYSTEM_CHROMIUM } : {},
  },
});
