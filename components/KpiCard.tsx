import type { ResponseOf } from '@/lib/messaging';

export type KpiView = NonNullable<ResponseOf<'kpi.get'>['report']>['kpis'][number];

export function formatKpiValue(value: number | null, unit: KpiView['unit']): string {
  if (value === null) return '—';
  return unit === 'share' ? `${Math.round(value * 1000) / 10}%` : String(value);
}

function trend(kpi: KpiView): { text: string; good: boolean | null } {
  if (kpi.value === null || kpi.previous === null) return { text: 'no previous month', good: null };
  const change = kpi.value - kpi.previous;
  if (change === 0) return { text: '= last month', good: null };
  const arrow = change > 0 ? '▲' : '▼';
  const amount = kpi.unit === 'share' ? `${Math.abs(Math.round(change * 1000) / 10)} pt` : String(Math.abs(change));
  const good = (change > 0) === (kpi.direction === 'higher-is-better');
  return { text: `${arrow} ${amount} vs last month`, good };
}

/** One KPI: value against target, last month and the trend, with its formula on hover. */
export function KpiCard({ kpi }: { kpi: KpiView }) {
  const change = trend(kpi);
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
      <div class="kpi-value">{formatKpiValue(kpi.value, kpi.unit)}</div>
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
