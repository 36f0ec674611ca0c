import type { ComponentChildren } from 'preact';
import type { z } from 'zod';
import { useEffect, useRef, useState } from 'preact/hooks';
import { numberFormat } from '@/lib/format/intl';
import { monthInWords } from '@/lib/format/month';
import { formatLocaleNumber, parseLocaleNumber } from '@/lib/format/number';
import { translator, type Translate, type UiLocale } from '@/lib/i18n';
import { PANELS_MESSAGES, type PanelsMessageKey } from '@/lib/i18n/panels';
import { issueProblem, problemText } from '@/lib/i18n/problems';
import type { ResponseOf } from '@/lib/messaging';
import {
  ChannelsSchema,
  FIGURES,
  monthChoices,
  promotionReport,
  type BudgetStatus,
  type Channel,
  type FigureKey,
  type Figures,
  type MetricKey,
  type MetricsVsPlan,
  type PlanComparison,
  type PromotionMonth,
} from '@/lib/promotion';
import type { Month } from '@/lib/schema';
import { useLocale, useMessages } from './Locale';

export type PromotionData = ResponseOf<'promotion.get'>;
export interface PromotionSave {
  projectId: string;
  month: Month;
  channels: Channel[];
}

type Side = 'actual' | 'plan';
const SIDES: readonly Side[] = ['actual', 'plan'];
export const SIDE_WORD: Record<Side, PanelsMessageKey> = { actual: 'sideActual', plan: 'sidePlan' };
type FigureTexts = Record<FigureKey, string>;

/** A channel as typed: every figure stays text until the month is saved, so nothing typed is ever lost. */
export interface ChannelDraft {
  /** Keeps a row's inputs and errors with it when a channel above is removed. */
  key: number;
  name: string;
  actual: FigureTexts;
  plan: FigureTexts;
}

/** Error text by field: `KEY.name`, `KEY.actual.spend` … (KEY: the channel's key), or `form`. */
export type DraftErrors = Record<string, string>;

const fieldId = (key: number, ...path: PropertyKey[]) => [key, ...path].map(String).join('.');

let lastKey = 0;
const EMPTY_TEXTS = Object.fromEntries(FIGURES.map((key) => [key, ''])) as FigureTexts;

/** The figures and costs shown (the cost of one impression is shown per thousand). */
export type ShownMetric = Exclude<MetricKey, 'perImpression'>;

/** The name of each figure and cost, wherever promotion figures are shown (the panel, the report). */
export const METRIC_WORD: Record<ShownMetric, PanelsMessageKey> = {
  spend: 'figureSpend',
  impressions: 'figureImpressions',
  clicks: 'figureClicks',
  joins: 'figureJoins',
  conversions: 'figureConversions',
  sales: 'figureSales',
  perThousandImpressions: 'ratePerThousandImpressions',
  perClick: 'ratePerClick',
  perJoin: 'ratePerJoin',
  perConversion: 'ratePerConversion',
  perSale: 'ratePerSale',
  ctr: 'rateCtr',
};

const RATE_COLUMNS: readonly { key: ShownMetric; share?: boolean }[] = [
  { key: 'perThousandImpressions' },
  { key: 'perClick' },
  { key: 'perJoin' },
  { key: 'perConversion' },
  { key: 'perSale' },
  { key: 'ctr', share: true },
];

/** The messages of functions called outside a screen (tests, the save): English. */
const ENGLISH = translator(PANELS_MESSAGES, 'en');

/** Numbers as the locale writes them; a missing value is a dash, never a zero. */
function formattersFor(locale: string | undefined, t: Translate<PanelsMessageKey>) {
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signed = numberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const number = (value: number | null) => (value === null ? '—' : formatLocaleNumber(value, locale));
  return {
    number,
    percent: (value: number) => percent.format(value),
    metric: (value: number | null, share = false) => (value === null ? '—' : share ? percent.format(value) : number(value)),
    /** "−40 (96 %)": the difference (in percentage points for a share) and the attainment. */
    comparison: ({ difference, attainment }: PlanComparison, share = false) => {
      if (difference === null) return '—';
      const shown = share ? t('pointsDifference', { points: signed.format(difference * 100) }) : signed.format(difference);
      return attainment === null ? shown : `${shown} (${percent.format(attainment)})`;
    },
  };
}
type Formatters = ReturnType<typeof formattersFor>;

export function draftOf(promotion: PromotionMonth | null, locale?: string): ChannelDraft[] {
  // Every stored digit, so a field left as shown saves back the same number.
  const exact = numberFormat(locale, { maximumFractionDigits: 20 });
  const texts = (figures: Figures) =>
    Object.fromEntries(FIGURES.map((key) => [key, figures[key] === null ? '' : exact.format(figures[key])])) as FigureTexts;
  return (promotion?.channels ?? []).map((channel) => ({ key: ++lastKey, name: channel.name, actual: texts(channel.actual), plan: texts(channel.plan) }));
}

/** A check of the channels in the screen's language: the form's own sentences, else the general ones for zod's issue. */
function issueText(issue: z.core.$ZodIssue, t: Translate<PanelsMessageKey>, language: UiLocale): string {
  const field = issue.path[1];
  if (field === 'name') {
    if (issue.code === 'too_small') return t('errorChannelName');
    if (issue.code === 'too_big') return t('errorChannelNameLong');
  }
  if (issue.code === 'too_big') return t(issue.path.length === 0 ? 'errorTooManyChannels' : 'errorTooLarge');
  return problemText(issueProblem(issue), language);
}

/**
 * The typed channels as the background stores them, and what cannot be read, by field. An empty field is
 * "not entered"; one that cannot be read counts as not entered in the live columns, but stops the save.
 */
export function channelsFromDraft(
  draft: readonly ChannelDraft[],
  locale?: string,
  t: Translate<PanelsMessageKey> = ENGLISH,
  language?: UiLocale,
): { channels: Channel[]; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const figuresOf = (channel: ChannelDraft, side: Side) =>
    Object.fromEntries(
      FIGURES.map((key) => {
        const text = channel[side][key];
        if (text.trim() === '') return [key, null];
        const reading = parseLocaleNumber(text, { locale, language, nonNegative: true, whole: key !== 'spend' });
        if (reading.ok) return [key, reading.value];
        errors[fieldId(channel.key, side, key)] = reading.error;
        return [key, null];
      }),
    ) as Figures;
  const channels = draft.map((channel) => ({ name: channel.name, actual: figuresOf(channel, 'actual'), plan: figuresOf(channel, 'plan') }));
  const checked = ChannelsSchema.safeParse(channels);
  for (const issue of checked.error?.issues ?? []) {
    const [index, ...path] = issue.path;
    const channel = typeof index === 'number' ? draft[index] : undefined;
    errors[channel ? fieldId(channel.key, ...path) : 'form'] ??= issueText(issue, t, language ?? 'en');
  }
  return { channels: checked.success ? checked.data : channels, errors };
}

function FieldError({ id, errors }: { id: string; errors: DraftErrors }) {
  return errors[id] ? (
    <span class="field-error" id={`promotion-error-${id}`} data-testid={`promotion-error-${id}`}>
      {errors[id]}
    </span>
  ) : null;
}

/** What an input needs to be named and to point at its error. */
function fieldProps(id: string, errors: DraftErrors) {
  return { 'aria-invalid': errors[id] ? true : undefined, 'aria-describedby': errors[id] ? `promotion-error-${id}` : undefined };
}

/** A channel's (or the total's) three rows: actual, plan, and actual against plan. */
function MetricRows(props: {
  head: ComponentChildren;
  metrics: MetricsVsPlan;
  format: Formatters;
  figureCell: (side: Side, key: FigureKey) => ComponentChildren;
}) {
  const { metrics, format } = props;
  const t = useMessages(PANELS_MESSAGES);
  return (
    <>
      {SIDES.map((side, index) => (
        <tr key={side} class={side}>
          {index === 0 && (
            <th scope="rowgroup" rowSpan={3} class="channel-head">
              {props.head}
            </th>
          )}
          <th scope="row">{t(SIDE_WORD[side])}</th>
          {FIGURES.map((key) => props.figureCell(side, key))}
          {RATE_COLUMNS.map((column) => (
            <td key={column.key} class="number">
              {format.metric(metrics[column.key][side], column.share)}
            </td>
          ))}
        </tr>
      ))}
      <tr class="vs-plan">
        <th scope="row">{t('vsPlan')}</th>
        {FIGURES.map((key) => (
          <td key={key} class="number">
            {format.comparison(metrics[key])}
          </td>
        ))}
        {RATE_COLUMNS.map((column) => (
          <td key={column.key} class="number">
            {format.comparison(metrics[column.key], column.share)}
          </td>
        ))}
      </tr>
    </>
  );
}

function SpendAgainstBudget({ budget, status, format }: { budget: number; status: BudgetStatus | null; format: Formatters }) {
  const t = useMessages(PANELS_MESSAGES);
  if (status === null) return <p>{t('budgetNoSpend', { budget: format.number(budget) })}</p>;
  const spent = { spend: format.number(status.spend), budget: format.number(budget), share: status.used === null ? '' : ` (${format.percent(status.used)})` };
  if (status.overBy === 0) return <p>{t('budgetLeft', { ...spent, remaining: format.number(status.remaining) })}</p>;
  return (
    <p>
      <strong>{t('overBudget')}</strong> {t('budgetOverBy', { ...spent, over: format.number(status.overBy) })}
    </p>
  );
}

function BudgetLine({ budget, actual, plan, format }: { budget: number | null; actual: BudgetStatus | null; plan: BudgetStatus | null; format: Formatters }) {
  const t = useMessages(PANELS_MESSAGES);
  if (budget === null) {
    return <p data-testid="promotion-budget">{t('noBudget')}</p>;
  }
  const over = (actual?.overBy ?? 0) > 0;
  return (
    <div data-testid="promotion-budget" data-over={String(over)} class={over ? 'over-budget' : undefined}>
      <SpendAgainstBudget budget={budget} status={actual} format={format} />
      {plan && (
        <p>
          {plan.overBy > 0
            ? t('plannedOver', { spend: format.number(plan.spend), budget: format.number(budget), over: format.number(plan.overBy) })
            : t('plannedWithin', { spend: format.number(plan.spend), budget: format.number(budget) })}
        </p>
      )}
    </div>
  );
}

/**
 * Social promotion (METHODOLOGY goal B): per month and channel, the figures from the platforms' statistics
 * and the plan, what each result cost, and the spend against the monthly budget.
 */
export function PromotionPanel(props: {
  /** The month shown; null while it loads. */
  data: PromotionData | null;
  month: Month;
  thisMonth: Month;
  saving: boolean;
  /** The locale numbers and months are read and written in (the screen's language by default). */
  locale?: string;
  onMonthChange: (month: Month) => void;
  onSave: (save: PromotionSave) => void;
}) {
  const { data } = props;
  const t = useMessages(PANELS_MESSAGES);
  const uiLocale = useLocale();
  const locale = props.locale ?? uiLocale;
  const format = formattersFor(locale, t);
  const stored = data?.promotion ?? null;
  const storedKey = stored ? `${stored.projectId}\u0001${stored.month}\u0001${stored.updatedAt}` : '';
  const [draft, setDraft] = useState<ChannelDraft[]>(() => draftOf(stored, locale));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [dirty, setDirty] = useState(false);
  // Reloads that bring the same saved month (any change elsewhere refreshes the dashboard) keep what is typed.
  const shownKey = useRef(storedKey);
  useEffect(() => {
    if (shownKey.current === storedKey) return;
    shownKey.current = storedKey;
    setDraft(draftOf(stored, locale));
    setErrors({});
    setDirty(false);
  }, [storedKey]);

  const edit = (change: (channels: ChannelDraft[]) => ChannelDraft[], fixing?: string) => {
    setDraft(change);
    setDirty(true);
    if (fixing) setErrors(({ [fixing]: _fixed, ...rest }) => rest);
  };
  const editChannel = (key: number, change: (channel: ChannelDraft) => ChannelDraft, fixing: string) =>
    edit((channels) => channels.map((channel) => (channel.key === key ? change(channel) : channel)), fixing);

  const report = promotionReport(channelsFromDraft(draft, locale, t, uiLocale).channels, data?.budget ?? null);
  const saved = new Set(data?.months ?? []);
  const monthName = monthInWords(props.month, locale);

  const save = (event: Event) => {
    event.preventDefault();
    if (!stored) return;
    const { channels, errors: found } = channelsFromDraft(draft, locale, t, uiLocale);
    setErrors(found);
    if (Object.keys(found).length === 0) props.onSave({ projectId: stored.projectId, month: stored.month, channels });
  };

  return (
    <section class="promotion" data-testid="promotion-panel" aria-labelledby="promotion-title">
      <h2 id="promotion-title">{t('promotionTitle')}</h2>
      <p>{t('promotionIntro')}</p>
      <label for="promotion-month">{t('month')} </label>
      <select
        id="promotion-month"
        data-testid="promotion-month"
        value={props.month}
        onChange={(event) => {
          const select = event.currentTarget;
          if (dirty && !confirm(t('promotionLeave', { month: monthName }))) {
            select.value = props.month;
            return;
          }
          props.onMonthChange(select.value);
        }}
      >
        {monthChoices(props.thisMonth, data?.months ?? []).map((month) => (
          <option key={month} value={month}>
            {saved.has(month) ? t('promotionMonthSaved', { month: monthInWords(month, locale) }) : monthInWords(month, locale)}
          </option>
        ))}
      </select>
      {!data ? (
        <p class="empty">{t('loading')}</p>
      ) : (
        <form noValidate onSubmit={save}>
          {errors.form && <p class="field-error">{errors.form}</p>}
          {draft.length === 0 ? (
            <p class="empty">{t('promotionNoChannel')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption>{t('promotionCaption', { month: monthName })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colChannel')}</th>
                    <th scope="col">{t('colFigures')}</th>
                    {FIGURES.map((key) => (
                      <th key={key} scope="col">
                        {t(METRIC_WORD[key])}
                      </th>
                    ))}
                    {RATE_COLUMNS.map((column) => (
                      <th key={column.key} scope="col">
                        {t(METRIC_WORD[column.key])}
                      </th>
                    ))}
                  </tr>
                </thead>
                {draft.map((channel, index) => {
                  const name = channel.name.trim() || t('channelNumbered', { number: index + 1 });
                  const nameId = fieldId(channel.key, 'name');
                  return (
                    <tbody key={channel.key} data-testid="promotion-channel">
                      <MetricRows
                        format={format}
                        metrics={report.channels[index]!.metrics}
                        head={
                          <>
                            <input
                              type="text"
                              data-testid="promotion-channel-name"
                              aria-label={t('channelNameOf', { number: index + 1 })}
                              value={channel.name}
                              maxLength={100}
                              {...fieldProps(nameId, errors)}
                              onInput={(event) => {
                                const typed = event.currentTarget.value;
                                editChannel(channel.key, (current) => ({ ...current, name: typed }), nameId);
                              }}
                            />
                            <FieldError id={nameId} errors={errors} />
                            <button
                              type="button"
                              data-testid="promotion-remove-channel"
                              onClick={() => edit((channels) => channels.filter((candidate) => candidate.key !== channel.key))}
                            >
                              {t('removeChannel', { name })}
                            </button>
                          </>
                        }
                        figureCell={(side, key) => {
                          const id = fieldId(channel.key, side, key);
                          return (
                            <td key={key} class={errors[id] ? 'invalid' : undefined}>
                              <input
                                type="text"
                                inputMode="decimal"
                                data-testid={`promotion-${side}-${key}`}
                                aria-label={t(side === 'actual' ? 'figureActualOf' : 'figurePlanOf', { channel: name, figure: t(METRIC_WORD[key]) })}
                                value={channel[side][key]}
                                {...fieldProps(id, errors)}
                                onInput={(event) => {
                                  const typed = event.currentTarget.value;
                                  editChannel(channel.key, (current) => ({ ...current, [side]: { ...current[side], [key]: typed } }), id);
                                }}
                              />
                              <FieldError id={id} errors={errors} />
                            </td>
                          );
                        }}
                      />
                    </tbody>
                  );
                })}
                <tfoot data-testid="promotion-total">
                  <MetricRows
                    format={format}
                    metrics={report.total}
                    head={t('total')}
                    figureCell={(side, key) => {
                      const value = report.total[key][side];
                      const totalSpend = side === 'actual' && key === 'spend';
                      return (
                        <td
                          key={key}
                          class="number"
                          data-testid={totalSpend ? 'promotion-total-spend' : undefined}
                          data-value={totalSpend ? (value === null ? '' : String(value)) : undefined}
                        >
                          {format.number(value)}
                        </td>
                      );
                    }}
                  />
                </tfoot>
              </table>
            </div>
          )}
          <BudgetLine budget={data.budget} actual={report.budget.actual} plan={report.budget.plan} format={format} />
          <div class="actions">
            <button
              type="button"
              data-testid="promotion-add-channel"
              onClick={() => edit((channels) => [...channels, { key: ++lastKey, name: '', actual: EMPTY_TEXTS, plan: EMPTY_TEXTS }])}
            >
              {t('addChannel')}
            </button>
            <button type="submit" data-testid="promotion-save" disabled={props.saving}>
              {t('saveMonth', { month: monthName })}
            </button>
            {dirty && <span role="status">{t('notSaved')}</span>}
          </div>
        </form>
      )}
    </section>
  );
}
