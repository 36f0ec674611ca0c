import { formatKpiChange, formatKpiValue } from '@/lib/format/kpi-value';
import { targetStatus } from '@/lib/kpi';
import type { ResponseOf } from '@/lib/messaging';
import { Sparkline } from './Sparkline';

export type KpiView = NonNullable<ResponseOf<'kpi.get'>['report']>['kpis'][number];

function trend(kpi: KpiView): { text: string; good: boolean | null } {
  if (kpi.value === null || kpi.previous === null) return { text: 'no previous month', good: null };
  const change = kpi.value - kpi.previous;
  if (change === 0) return { text: '= last month', good: null };
  const good = (change > 0) === (kpi.direction === 'higher-is-better');
  return { text: `${formatKpiChange(change, kpi.unit)} vs last month`, good };
}

/** On or off target in words and a symbol, so the state does not rest on colour alone. */
const TARGET_STATUS = {
  met: { symbol: '✓', text: 'on target' },
  missed: { symbol: '✗', text: 'off target' },
} as const;

/** One KPI: value against target, last month and the trend, with its formula on hover. */
export function KpiCard({ kpi, recent }: { kpi: KpiView; recent: readonly (number | null)[] }) {
  const change = trend(kpi);
  const status = targetStatus(kpi);
  const targetText =
    kpi.target === null
      ? 'no target'
      : `target ${kpi.direction === 'lower-is-better' ? '≤' : '≥'} ${formatKpiValue(kpi.target, kpi.unit)}`;
  return (
    <div
      class="kpi"
      data-testid={`kpi-${kpi.key}`}
      data-value={kpi.value === null ? '' : String(kpi.value)}
      data-counted={kpi.counted}
      title={kpi.formula}
    >
      <div class="kpi-title">{kpi.title}</div>
      <div class="kpi-value">
        {formatKpiValue(kpi.value, kpi.unit)}
        {status && (
          <span class={`target-status ${status}`} data-testid={`kpi-${kpi.key}-status`} data-status={status}>
            {TARGET_STATUS[status].symbol} {TARGET_STATUS[status].text}
          </span>
        )}
        <Sparkline values={recent} unit={kpi.unit} label={kpi.title} />
      </div>
      <div class="kpi-meta">
        <span>{targetText}</span>
        <span class={change.good === null ? '' : change.good ? 'good' : 'bad'}>{change.text}</span>
      </div>
      {kpi.byEngine && kpi.byEngine.length > 1 && (
        <ul class="kpi-engines">
          {kpi.byEngine.map((entry) => (
            <li key={entry.engine} data-testid={`kpi-${kpi.key}-${entry.engine}`} data-value={entry.value ?? ''}>
              {entry.engine}: {formatKpiValue(entry.value, kpi.unit)}
            </li>
          ))}
        </ul>
      )}
      {kpi.counted > 0 && (
        <div class="kpi-basis">
          {kpi.counted} counted · {kpi.confirmed} confirmed
          {kpi.counted > kpi.confirmed ? ` · ${kpi.counted - kpi.confirmed} suggested` : ''}
        </div>
      )}
    </div>
  );
}
