/**
 * What the extension keeps of the user's browsing, and the switches over it: searches of the project's key
 * queries and pages of audited sites are stored, other searches only where the user marks, private windows
 * not at all unless allowed here.
 */
export function PrivacyPanel(props: {
  storeIncognito: boolean | null;
  activeProjectName: string | null;
  busy: boolean;
  onStoreIncognitoChange: (allowed: boolean) => void;
  onClearHistory: () => void;
}) {
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <p>
        Only searches for the project's key queries and pages of the sites you audit are stored (their results, titles
        and snippets). On any other search only the results you mark are kept. Nothing leaves this browser.
      </p>
      <label>
        <input
          type="checkbox"
          data-testid="privacy-store-incognito"
          checked={props.storeIncognito === true}
          disabled={props.storeIncognito === null || props.busy}
          onChange={(event) => props.onStoreIncognitoChange(event.currentTarget.checked)}
        />{' '}
        Store pages and marks from private (incognito) windows
      </label>
      <div class="actions">
        <button type="button" data-testid="privacy-clear-history" disabled={props.busy || props.activeProjectName === null} onClick={props.onClearHistory}>
          {props.activeProjectName ? `Clear the browsing history of “${props.activeProjectName}”` : 'Clear the browsing history of the active project'}
        </button>
      </div>
    </section>
  );
}
