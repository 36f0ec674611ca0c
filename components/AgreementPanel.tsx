import type { ResponseOf } from '@/lib/messaging';

export type AgreementData = ResponseOf<'suggestions.agreement'>;
type MonthAgreement = NonNullable<AgreementData['thisMonth']>;

function describe(entry: MonthAgreement): string {
  if (entry.total === 0) return `${entry.month}: no marks with a suggestion yet`;
  const share = Math.round((entry.agreed / entry.total) * 100);
  return `${entry.month}: suggestions agreed with your marks ${entry.agreed} of ${entry.total} times (${share}%)`;
}

/** How far the suggested labels can be trusted for the active project, from the user's own marks. */
export function AgreementPanel({ data }: { data: AgreementData | null }) {
  if (!data?.thisMonth || !data.lastMonth) return null;
  return (
    <section class="agreement" data-testid="suggestion-agreement">
      <h2>Suggested labels</h2>
      <p data-testid="agreement-last-month" data-agreed={data.lastMonth.agreed} data-total={data.lastMonth.total}>
        Last month — {describe(data.lastMonth)}
      </p>
      <p data-testid="agreement-this-month" data-agreed={data.thisMonth.agreed} data-total={data.thisMonth.total}>
        This month — {describe(data.thisMonth)}
      </p>
      <p class="hint">
        Suggestions learn from your marks in this project: the more you confirm or correct, the closer they get.
      </p>
    </section>
  );
}
