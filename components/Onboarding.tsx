import { KPI_MESSAGES, type KpiMessageKey } from '@/lib/i18n/kpi';
import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import { KPIS } from '@/lib/kpi/registry';
import { useMessages } from './Locale';

/**
 * The first run: what the extension does, each KPI in one sentence, and the three steps to the first numbers.
 * Shown above the project form while there is no project; the form starts with the methodology's targets.
 */
export function Onboarding() {
  const t = useMessages(DASHBOARD_MESSAGES);
  const kpiText = useMessages(KPI_MESSAGES);
  return (
    <section class="onboarding" data-testid="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">{t('onboardingTitle')}</h2>
      <p>{t('onboardingIntro')}</p>
      <ol>
        <li>{t('onboardingStepProject')}</li>
        <li>{t('onboardingStepSearch')}</li>
        <li>{t('onboardingStepMark')}</li>
      </ol>
      <h3>{t('onboardingKpis')}</h3>
      <dl>
        {KPIS.map((kpi) => (
          <div key={kpi.key}>
            <dt>{kpiText(kpi.titleKey as KpiMessageKey)}</dt>
            <dd>{kpiText(`${kpi.titleKey}Explained` as KpiMessageKey)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
