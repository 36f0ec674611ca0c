import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { TOGGLE_KEYBOARD_MARKING_COMMAND } from './lib/annotate/keyboard-marking';
import { TOGGLE_SITE_TAGS_COMMAND } from './lib/annotate/quiet-mode';
import { MANIFEST_DEFAULT_LOCALE, localeFiles, manifestMessage } from './lib/i18n/manifest';
import { searchEngineMatchPatterns } from './lib/sites';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  // No polyfill module: the extension pages import webextension-polyfill themselves, while the content
  // scripts (and WXT's own content-script helpers) use the browser's native promise-based API, so the
  // polyfill is not compiled on every page the content scripts run on.
  // Copied as they are to the extension's root; WXT picks the icon-<size>.png files up as the icons.
  publicDir: 'assets/icons',
  hooks: {
    // The popup is built on its own, into one script: the extension pages' shared chunks cost the popup a request
    // each, and every request for an extension's file took the browser 25-50 ms here.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const index = group.findIndex((entrypoint) => entrypoint.type === 'popup');
        if (index < 0) continue;
        groups.push(group.splice(index, 1));
        return;
      }
    },
    // The manifest's words in each interface language, written from lib/i18n/manifest.ts beside the icons.
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles());
    },
  },
  vite: () => ({
    plugins: [preact()],
    // WXT's content-script context announces every start to the page and lets the page stop the script;
    // the content scripts are built with an inert stand-in instead (lib/annotate/inert-script-context.ts).
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./lib/annotate/inert-script-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    name: manifestMessage('extensionName'),
    description: manifestMessage('extensionDescription'),
    default_locale: MANIFEST_DEFAULT_LOCALE,
    // Each permission is used and justified: README "Permissions"; test/unit/manifest.test.ts fails on one
    // whose API the code never calls.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: searchEngineMatchPatterns(),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Extension pages run only their own bundled scripts: no remote, inline or eval'd code (Chrome's
    // default also allows 'wasm-unsafe-eval'; nothing here uses WebAssembly). test/build checks the build.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    // Global shortcuts, which the user changes in the browser's shortcut settings (README "Keyboard", "Quiet mode").
    // Chrome takes a suggested key only with Alt or Ctrl (not both) and at most four; one another extension holds
    // is left unset. The background handles the two of its own; pressing one grants activeTab for the tab's URL.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: manifestMessage('commandOpenPopup') },
      [TOGGLE_KEYBOARD_MARKING_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: manifestMessage('commandToggleKeyboardMarking'),
      },
      [TOGGLE_SITE_TAGS_COMMAND]: { suggested_key: { default: 'Alt+Shift+H' }, description: manifestMessage('commandToggleSiteTags') },
    },
    // Firefox's keys go into the Firefox build only: Chrome warns about keys it does not know.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'reputation-lens@example.org',
          // 128: the first Firefox that reads optional_host_permissions ("Audit this site").
          strict_min_version: '128.0',
          // Firefox's built-in data consent: the extension collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  // `npm run dev` opens a browser with the extension where there is a screen to show it on; on a
  // headless machine it only builds and watches.
  webExt: {
    disabled: process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    binaries: existsSync(SYSTEM_CHROMIUM) ? { chrome: SYSTEM_CHROMIUM } : {},
  },
});
