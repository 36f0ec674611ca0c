/**
 * Every permission the manifest may declare, with the extension API calls that need it: the audit in
 * test/unit/manifest.test.ts fails on a declared permission that has no row here or whose calls the code
 * in lib/ and entrypoints/ never makes, and test/build/manifest.test.ts fails on a permission in a built
 * manifest that has no row (one WXT or a browser target added). README "Permissions" says the same in words.
 *
 * A use is a property-access chain rooted at `browser` (or `chrome`), as written in the source with
 * whitespace removed, e.g. `browser.scripting.executeScript`; `in` narrows it to files under a folder.
 */
export interface PermissionUse {
  chain: RegExp;
  in?: string;
}

export interface PermissionRow {
  /** All of these must occur in the source. */
  uses: PermissionUse[];
  /** What breaks without the permission (README "Permissions"). */
  without: string;
}

export const PERMISSION_USES: Readonly<Record<string, PermissionRow>> = {
  storage: {
    uses: [{ chain: /^browser\.storage\.local$/, in: 'entrypoints/background/' }],
    without:
      'the sites the user chose to audit (browser.storage.local) are lost, so the forum scripts cannot be re-registered after a restart',
  },
  activeTab: {
    uses: [
      // The popup's opening grants it: the tab's URL, and the capture of a page the extension has no host access to.
      { chain: /^browser\.tabs\.query$/, in: 'entrypoints/popup/' },
      { chain: /^browser\.scripting\.executeScript$/, in: 'entrypoints/popup/' },
      // A context-menu click grants it too: "Mark this page" from the menu.
      { chain: /^browser\.contextMenus\.onClicked$/, in: 'entrypoints/background/' },
      { chain: /^browser\.scripting\.executeScript$/, in: 'entrypoints/background/' },
    ],
    without:
      'the popup cannot see which page is open outside the search engines, and "Mark this page" (popup or context menu) cannot read it',
  },
  scripting: {
    uses: [
      { chain: /^browser\.scripting$/, in: 'entrypoints/background/' },
      { chain: /^browser\.scripting\.executeScript$/ },
    ],
    without:
      '"Audit this site" cannot register the forum script for a granted site, and no page can be captured for marking',
  },
  contextMenus: {
    uses: [{ chain: /^browser\.(contextMenus|menus)\.create$/ }, { chain: /^browser\.(contextMenus|menus)\.onClicked$/ }],
    without: 'the "Mark this page / selection" context menu is gone',
  },
};

/** The host permissions asked for at run time, only by "Audit this site" in the popup (a user gesture). */
export const OPTIONAL_HOST_PERMISSION_USES: PermissionRow = {
  uses: [{ chain: /^browser\.permissions\.request$/, in: 'entrypoints/popup/' }],
  without: '"Audit this site" cannot ask for access to a forum or review site',
};
