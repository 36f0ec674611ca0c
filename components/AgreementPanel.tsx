import { numberFormat } from '@/lib/format/intl';
import type { Translate, UiLocale } from '@/lib/i18n';
import { DASHBOARD_MESSAGES, type DashboardMessageKey } from '@/lib/i18n/dashboard';
import { monthInWords } from '@/lib/format/month';
import type { ResponseOf } from '@/lib/messaging';
import { useLocale, useMessages } from './Locale';

export type AgreementData = ResponseOf<'suggestions.agreement'>;
type MonthAgreement = NonNullable<AgreementData['thisMonth']>;

function describe(entry: MonthAgreement, t: Translate<DashboardMessageKey>, locale: UiLocale): string {
  const month = monthInWords(entry.month, locale);
  if (entry.total === 0) return t('agreementNone', { month });
  const share = numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(entry.agreed / entry.total);
  return t('agreement', { month, agreed: entry.agreed, count: entry.total, share });
}

/** How far the suggested labels can be trusted for the active project, from the user's own marks. */
export function AgreementPanel({ data }: { data: AgreementData | null }) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const locale = useLocale();
  if (!data?.thisMonth || !data.lastMonth) return null;
  return (
    <section class="agreement" data-testid="suggestion-agreement">
      <h2>{t('suggestedLabels')}</h2>
      <p data-testid="agreement-last-month" data-agreed={data.lastMonth.agreed} data-total={data.lastMonth.total}>
        {t('agreementLastMonth', { summary: describe(data.lastMonth, t, locale) })}
      </p>
      <p data-testid="agreement-this-month" data-agreed={data.thisMonth.agreed} data-total={data.thisMonth.total}>
        {t('agreementThisMonth', { summary: describe(data.thisMonth, t, locale) })}
      </p>
      <p class="hint">{t('agreementHint')}</p>
    </section>
  );
}
