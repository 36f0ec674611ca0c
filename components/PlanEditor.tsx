import { useEffect, useState } from 'preact/hooks';
import { formatLocaleNumber, parseLocaleNumber } from '@/lib/format/number';
import { monthShort } from '@/lib/format/month';
import { translator, type Translate, type UiLocale } from '@/lib/i18n';
import { DASHBOARD_MESSAGES, type DashboardMessageKey } from '@/lib/i18n/dashboard';
import { KPI_MESSAGES, type KpiMessageKey } from '@/lib/i18n/kpi';
import { TARGETED_KPIS, type KpiKey } from '@/lib/kpi/registry';
import { rampPlan } from '@/lib/kpi/plan';
import { MonthSchema, addMonths, monthsFrom, type Month, type Plan, type Project } from '@/lib/schema';
import { useLocale, useMessages } from './Locale';

/** How many months the plan table shows from the baseline month. */
export const PLAN_MONTHS = 12;

type Cells = Record<KpiKey, Record<Month, string>>;
export type PlanErrors = Record<string, string>;

const shown = (value: number, unit: 'share' | 'count', locale?: string) =>
  formatLocaleNumber(unit === 'share' ? Math.round(value * 10_000) / 100 : value, locale);

export function planMonths(baselineMonth: Month): Month[] {
  return monthsFrom(baselineMonth, addMonths(baselineMonth, PLAN_MONTHS - 1));
}

export function cellsFromPlan(plan: Plan | undefined, months: readonly Month[], locale?: string): Cells {
  return Object.fromEntries(
    TARGETED_KPIS.map((kpi) => {
      const planned = plan?.[kpi.target] ?? {};
      return [kpi.key, Object.fromEntries(months.map((month) => [month, planned[month] === undefined ? '' : shown(planned[month], kpi.unit, locale)]))];
    }),
  ) as Cells;
}

/**
 * The typed cells as a plan: shares typed as percentages, counts as whole numbers, an empty cell meaning "the
 * target". A cell that cannot be read is an error keyed `kpi-key:month` and no plan is made from the cells.
 */
export function planFromCells(
  cells: Cells,
  locale?: string,
  t: Translate<DashboardMessageKey> = translator(DASHBOARD_MESSAGES, 'en'),
  language?: UiLocale,
): { plan: Plan; errors: PlanErrors } {
  const plan: Plan = {};
  const errors: PlanErrors = {};
  for (const kpi of TARGETED_KPIS) {
    const planned: Record<Month, number> = {};
    for (const [month, text] of Object.entries(cells[kpi.key] ?? {})) {
      if (text.trim() === '') continue;
      const reading = parseLocaleNumber(text, kpi.unit === 'share' ? { percent: true, nonNegative: true, locale, language } : { whole: true, nonNegative: true, locale, language });
      if (!reading.ok) errors[`${kpi.key}:${month}`] = reading.error;
      else if (kpi.unit === 'share' && reading.value > 100) errors[`${kpi.key}:${month}`] = t('shareAtMost100');
      else planned[month] = kpi.unit === 'share' ? reading.value / 100 : reading.value;
    }
    if (Object.keys(planned).length > 0) plan[kpi.target] = planned;
  }
  return { plan, errors };
}

/**
 * The baseline month and the plan per month of every targeted KPI (METHODOLOGY.md: month over month against
 * plan from a baseline), with a one-click linear ramp from a starting value to the KPI's target.
 */
export function PlanEditor(props: { project: Project; saving: boolean; onSave: (baselineMonth: Month, plan: Plan) => void }) {
  const { project } = props;
  const t = useMessages(DASHBOARD_MESSAGES);
  const kpiText = useMessages(KPI_MESSAGES);
  const locale = useLocale();
  const [baseline, setBaseline] = useState(project.baselineMonth);
  const [cells, setCells] = useState<Cells>(() => cellsFromPlan(project.plan, planMonths(project.baselineMonth)));
  const [starts, setStarts] = useState<Partial<Record<KpiKey, string>>>({});
  const [errors, setErrors] = useState<PlanErrors>({});
  useEffect(() => {
    setBaseline(project.baselineMonth);
    setCells(cellsFromPlan(project.plan, planMonths(project.baselineMonth)));
    setErrors({});
  }, [project]);

  const baselineValid = MonthSchema.safeParse(baseline).success;
  const months = planMonths(baselineValid ? baseline : project.baselineMonth);
  const setCell = (key: KpiKey, month: Month, text: string) =>
    setCells((current) => ({ ...current, [key]: { ...current[key], [month]: text } }));

  const ramp = (kpi: (typeof TARGETED_KPIS)[number]) => {
    const typed = starts[kpi.key] ?? '';
    const reading = parseLocaleNumber(typed, kpi.unit === 'share' ? { percent: true, nonNegative: true, language: locale } : { nonNegative: true, language: locale });
    if (!reading.ok) {
      setErrors((current) => ({ ...current, [`${kpi.key}:start`]: reading.error }));
      return;
    }
    const start = kpi.unit === 'share' ? reading.value / 100 : reading.value;
    const planned = rampPlan(months, start, project.targets[kpi.target], kpi.unit);
    setErrors(({ [`${kpi.key}:start`]: _cleared, ...rest }) => rest);
    setCells((current) => ({ ...current, [kpi.key]: Object.fromEntries(months.map((month) => [month, shown(planned[month]!, kpi.unit)])) }));
  };

  const save = () => {
    if (!baselineValid) {
      setErrors({ baseline: t('baselineInvalid') });
      return;
    }
    const result = planFromCells(cells, undefined, t, locale);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) props.onSave(baseline, result.plan);
  };

  return (
    <div class="plan-editor" data-testid="plan-editor">
      <h3>{t('planTitle')}</h3>
      <p class="hint">{t('planHint')}</p>
      <label class="field">
        {t('baselineMonth')}
        <input type="month" value={baseline} data-testid="plan-baseline" aria-invalid={Boolean(errors.baseline)} onInput={(event) => setBaseline(event.currentTarget.value)} />
        {errors.baseline && <span class="field-error">{errors.baseline}</span>}
      </label>
      {TARGETED_KPIS.map((kpi) => (
        <fieldset key={kpi.key} data-testid={`plan-${kpi.key}`}>
          <legend>
            {t(kpi.unit === 'share' ? 'planLegendShare' : 'planLegendCount', {
              title: kpiText(kpi.titleKey as KpiMessageKey),
              target: shown(project.targets[kpi.target], kpi.unit),
            })}
          </legend>
          <div class="plan-ramp">
            <label>
              {t('baselineValue')}{' '}
              <input
                size={6}
                value={starts[kpi.key] ?? ''}
                aria-invalid={Boolean(errors[`${kpi.key}:start`])}
                onInput={(event) => setStarts((current) => ({ ...current, [kpi.key]: event.currentTarget.value }))}
              />
            </label>{' '}
            <button type="button" onClick={() => ramp(kpi)} data-testid={`plan-ramp-${kpi.key}`}>
              {t('fillRamp')}
            </button>
            {errors[`${kpi.key}:start`] && <span class="field-error"> {errors[`${kpi.key}:start`]}</span>}
          </div>
          <div class="plan-months">
            {months.map((month) => {
              const error = errors[`${kpi.key}:${month}`];
              return (
                <label key={month} class={error ? 'plan-cell invalid' : 'plan-cell'}>
                  <span>{monthShort(month, locale)}</span>
                  <input
                    size={5}
                    value={cells[kpi.key]?.[month] ?? ''}
                    data-month={month}
                    aria-invalid={Boolean(error)}
                    title={error}
                    onInput={(event) => setCell(kpi.key, month, event.currentTarget.value)}
                  />
                  {error && <span class="field-error">{error}</span>}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <button type="button" disabled={props.saving} onClick={save} data-testid="plan-save">
        {t('savePlan')}
      </button>
    </div>
  );
}
