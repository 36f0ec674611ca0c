import { numberFormat } from '@/lib/format/intl';
import { changeArrow, formatKpiValue } from '@/lib/format/kpi-value';
import { KPI_MESSAGES, type KpiMessageKey } from '@/lib/i18n/kpi';
import { POPUP_MESSAGES } from '@/lib/i18n/popup';
import { targetStatus } from '@/lib/kpi';
import type { ResponseOf } from '@/lib/messaging';
import { useLocale, useMessages } from './Locale';
import { Sparkline } from './Sparkline';

export type KpiView = NonNullable<ResponseOf<'kpi.get'>['report']>['kpis'][number];

/** One KPI: value against target, last month and the trend, with its formula on hover. */
export function KpiCard({ kpi, recent }: { kpi: KpiView; recent: readonly (number | null)[] }) {
  const t = useMessages(POPUP_MESSAGES);
  const kpiText = useMessages(KPI_MESSAGES);
  const locale = useLocale();
  const value = (amount: number | null) => formatKpiValue(amount, kpi.unit, locale);
  const title = kpiText(kpi.titleKey as KpiMessageKey);
  const status = targetStatus(kpi);
  const change = trend(kpi);
  return (
    <div
      class="kpi"
      data-testid={`kpi-${kpi.key}`}
      data-value={kpi.value === null ? '' : String(kpi.value)}
      data-counted={kpi.counted}
      title={kpiText(`${kpi.titleKey}Formula` as KpiMessageKey)}
    >
      <div class="kpi-title">{title}</div>
      <div class="kpi-value">
        {value(kpi.value)}
        {status && (
          // On or off target in words and a symbol, so the state does not rest on colour alone.
          <span class={`target-status ${status}`} data-testid={`kpi-${kpi.key}-status`} data-status={status}>
            {status === 'met' ? `✓ ${t('kpiOnTarget')}` : `✗ ${t('kpiOffTarget')}`}
          </span>
        )}
        <Sparkline values={recent} unit={kpi.unit} label={title} />
      </div>
      <div class="kpi-meta">
        <span>
          {kpi.target === null ? t('kpiNoTarget') : t('kpiTarget', { comparison: kpi.direction === 'lower-is-better' ? '≤' : '≥', value: value(kpi.target) })}
        </span>
        <span class={change.good === null ? '' : change.good ? 'good' : 'bad'}>{change.text}</span>
      </div>
      {kpi.byEngine && kpi.byEngine.length > 1 && (
        <ul class="kpi-engines">
          {kpi.byEngine.map((entry) => (
            <li key={entry.engine} data-testid={`kpi-${kpi.key}-${entry.engine}`} data-value={entry.value ?? ''}>
              {entry.engine}: {value(entry.value)}
            </li>
          ))}
        </ul>
      )}
      {kpi.counted > 0 && (
        <div class="kpi-basis">
          {t('kpiCounted', { counted: kpi.counted, confirmed: kpi.confirmed })}
          {kpi.counted > kpi.confirmed ? ` · ${t('kpiSuggested', { count: kpi.counted - kpi.confirmed })}` : ''}
        </div>
      )}
    </div>
  );

  function trend(shown: KpiView): { text: string; good: boolean | null } {
    if (shown.value === null || shown.previous === null) return { text: t('kpiNoPrevious'), good: null };
    const difference = shown.value - shown.previous;
    if (difference === 0) return { text: t('kpiSameAsLast'), good: null };
    const size =
      shown.unit === 'share'
        ? t('percentPoints', { points: Math.abs(Math.round(difference * 1000) / 10) })
        : numberFormat(locale).format(Math.abs(difference));
    return { text: t('kpiChange', { change: `${changeArrow(difference)} ${size}` }), good: (difference > 0) === (shown.direction === 'higher-is-better') };
  }
}
