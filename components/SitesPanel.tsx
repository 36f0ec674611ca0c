import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf } from '@/lib/messaging';

export type SitesData = ResponseOf<'sites.status'>;

const OVERRIDES_EXAMPLE = `{
  "google": { "resultRoot": ["div.new-result"], "title": ["h3"], "snippet": [".new-snippet"] }
}`;

function describeStatus(last: SitesData['sites'][number]['last']): { text: string; state: 'ok' | 'broken' | 'none' } {
  if (!last) return { text: 'not visited yet', state: 'none' };
  const when = new Date(last.at).toLocaleString();
  if (last.itemsFound > 0) {
    return { text: `recognised: ${last.itemsFound} results (${last.blocksSeen} result-looking blocks) · ${when}`, state: 'ok' };
  }
  return {
    text: `not recognised: 0 results from ${last.blocksSeen} result-looking blocks · ${when}`,
    state: 'broken',
  };
}

/** Per engine: was the last visited page understood; and the selector overrides for when markup changes. */
export function SitesPanel(props: {
  data: SitesData | null;
  error: string | null;
  saving: boolean;
  onSaveOverrides: (text: string) => void;
}) {
  const [text, setText] = useState(props.data?.overridesText ?? '');
  useEffect(() => setText(props.data?.overridesText ?? ''), [props.data?.overridesText]);
  return (
    <section class="sites" data-testid="sites-panel">
      <h2>Search engines</h2>
      <table>
        <tbody>
          {(props.data?.sites ?? []).map((site) => {
            const status = describeStatus(site.last);
            return (
              <tr key={site.id} data-testid={`site-status-${site.id}`} data-state={status.state}>
                <th scope="row">{site.name}</th>
                <td class={`site-${status.state}`}>{status.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Selector overrides</h3>
      <p>
        When an engine changes its markup, paste selectors here (JSON, per engine id: resultRoot, link, title,
        snippet). They are tried before the built-in ones, on the next page load.
      </p>
      <textarea
        data-testid="overrides-text"
        rows={6}
        placeholder={OVERRIDES_EXAMPLE}
        value={text}
        onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
      />
      {props.error && (
        <p class="field-error" role="alert" data-testid="overrides-error">
          {props.error}
        </p>
      )}
      <button type="button" data-testid="overrides-save" disabled={props.saving} onClick={() => props.onSaveOverrides(text)}>
        Save overrides
      </button>
    </section>
  );
}
