import { linePath, valueRange, type Plot } from '@/lib/chart/scale';
import { formatKpiValue } from '@/lib/format/kpi-value';
import { POPUP_MESSAGES } from '@/lib/i18n/popup';
import type { KpiUnit } from '@/lib/kpi/registry';
import { useLocale, useMessages } from './Locale';

const WIDTH = 72;
const HEIGHT = 18;

/** A KPI's last months as a small line, described in words for screen readers (first and last known value). */
export function Sparkline(props: { values: readonly (number | null)[]; unit: KpiUnit; label: string }) {
  const t = useMessages(POPUP_MESSAGES);
  const locale = useLocale();
  const known = props.values.filter((value): value is number => value !== null);
  if (known.length < 2) return null;
  const plot: Plot = { width: WIDTH, height: HEIGHT, range: valueRange(props.values, props.unit), slots: props.values.length };
  const description = t('sparkline', {
    title: props.label,
    count: props.values.length,
    first: formatKpiValue(known[0]!, props.unit, locale),
    last: formatKpiValue(known.at(-1)!, props.unit, locale),
  });
  return (
    <svg class="sparkline" width={WIDTH} height={HEIGHT + 2} viewBox={`0 -1 ${WIDTH} ${HEIGHT + 2}`} role="img" aria-label={description}>
      <title>{description}</title>
      <path d={linePath(plot, props.values)} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
