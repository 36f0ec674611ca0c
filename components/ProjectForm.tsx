import { useEffect, useState } from 'preact/hooks';
import { domainForDisplay } from '@/lib/format/domain';
import { formatLocaleNumber, parseLocaleNumber, type NumberOptions } from '@/lib/format/number';
import type { UiLocale } from '@/lib/i18n';
import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import { minSuggestionConfidenceOf } from '@/lib/kpi/label-state';
import type { Project } from '@/lib/schema';
import { useLocale, useMessages } from './Locale';

export interface ProjectFormValues {
  name: string;
  brands: string;
  domains: string;
  competitors: string;
  queries: string;
  serpPositivityPct: string;
  thirdPartyRecommendPct: string;
  portalCoverage: string;
  negativeTop10: string;
  monthlyBudget: string;
  suggestionsCountInKpis: boolean;
  minSuggestionConfidencePct: string;
  retentionMonths: string;
}

export type FieldErrors = Record<string, string>;

const EMPTY: ProjectFormValues = {
  name: '',
  brands: '',
  domains: '',
  competitors: '',
  queries: '',
  serpPositivityPct: '70',
  thirdPartyRecommendPct: '15',
  portalCoverage: '20',
  negativeTop10: '0',
  monthlyBudget: '',
  suggestionsCountInKpis: true,
  minSuggestionConfidencePct: '0',
  retentionMonths: '',
};

/** One entry per line; a single line may also be comma-separated (queries keep their commas when on lines). */
export function splitEntries(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const entries = lines.length > 1 ? lines : text.split(',');
  return entries.map((entry) => entry.trim()).filter(Boolean);
}

const roundPct = (share: number) => String(Math.round(share * 10_000) / 100);

export function valuesFromProject(project: Project | null): ProjectFormValues {
  if (!project) return EMPTY;
  return {
    name: project.name,
    brands: project.brandTerms.join('\n'),
    // Shown as people write them (лср.рф); saved back, they are stored canonical again.
    domains: project.clientDomains.map(domainForDisplay).join('\n'),
    competitors: project.competitorDomains.map(domainForDisplay).join('\n'),
    queries: project.keyQueries.join('\n'),
    serpPositivityPct: roundPct(project.targets.serpPositivity),
    thirdPartyRecommendPct: roundPct(project.targets.thirdPartyRecommend),
    portalCoverage: String(project.targets.portalCoverage),
    negativeTop10: String(project.targets.negativeTop10),
    monthlyBudget: project.monthlyBudget === null ? '' : formatLocaleNumber(project.monthlyBudget),
    suggestionsCountInKpis: project.suggestionsCountInKpis,
    minSuggestionConfidencePct: roundPct(minSuggestionConfidenceOf(project)),
    retentionMonths: project.retentionMonths ? String(project.retentionMonths) : '',
  };
}

const PERCENT: NumberOptions = { percent: true, nonNegative: true };
const COUNT: NumberOptions = { whole: true, nonNegative: true };

/**
 * The form's text becomes the project input the background validates; percentages become shares.
 * Numbers are read in the browser's locale ("150 000 ₽"); one that cannot be read is an error beside its
 * field and nothing is sent, so a stored value is never replaced by an empty one.
 */
export function inputFromValues(values: ProjectFormValues, locale?: string, language?: UiLocale): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const numberOf = (errorKey: string, text: string, options: NumberOptions): number | null => {
    const reading = parseLocaleNumber(text, { ...options, locale, language });
    if (reading.ok) return reading.value;
    errors[errorKey] = reading.error;
    return null;
  };
  const share = (errorKey: string, text: string) => {
    const percent = numberOf(errorKey, text, PERCENT);
    return percent === null ? null : percent / 100;
  };
  const input = {
    name: values.name,
    brandTerms: splitEntries(values.brands),
    clientDomains: splitEntries(values.domains),
    competitorDomains: splitEntries(values.competitors),
    keyQueries: splitEntries(values.queries),
    targets: {
      serpPositivity: share('targets.serpPositivity', values.serpPositivityPct),
      thirdPartyRecommend: share('targets.thirdPartyRecommend', values.thirdPartyRecommendPct),
      portalCoverage: numberOf('targets.portalCoverage', values.portalCoverage, COUNT),
      negativeTop10: numberOf('targets.negativeTop10', values.negativeTop10, COUNT),
    },
    // Empty is "no budget"; anything typed must read as an amount.
    monthlyBudget: values.monthlyBudget.trim() === '' ? null : numberOf('monthlyBudget', values.monthlyBudget, { nonNegative: true }),
    suggestionsCountInKpis: values.suggestionsCountInKpis,
    minSuggestionConfidence: share('minSuggestionConfidence', values.minSuggestionConfidencePct),
    // Empty keeps searches for good.
    retentionMonths: values.retentionMonths.trim() === '' ? null : numberOf('retentionMonths', values.retentionMonths, COUNT),
  };
  return { input, errors };
}

interface FieldProps {
  id: keyof ProjectFormValues;
  testId?: string;
  label: string;
  hint?: string;
  errorKey: string;
  multiline?: boolean;
  values: ProjectFormValues;
  errors: FieldErrors;
  onInput: (id: keyof ProjectFormValues, value: string) => void;
}

function Field({ id, testId, label, hint, errorKey, multiline, values, errors, onInput }: FieldProps) {
  const error = errors[errorKey];
  const common = {
    id: `field-${id}`,
    'data-testid': testId,
    value: String(values[id]),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `error-${id}` : undefined,
    onInput: (event: Event) => onInput(id, (event.target as HTMLInputElement).value),
  };
  return (
    <div class={`field ${error ? 'invalid' : ''}`}>
      <label for={`field-${id}`}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {hint && <small>{hint}</small>}
      {error && (
        <span class="field-error" id={`error-${id}`} data-testid={`error-${errorKey}`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** Project setup: creates or edits a project; errors from the background are shown beside their fields. */
export function ProjectForm(props: {
  project: Project | null;
  errors: FieldErrors;
  saving: boolean;
  onSave: (input: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const uiLocale = useLocale();
  const [values, setValues] = useState<ProjectFormValues>(() => valuesFromProject(props.project));
  // Numbers this form could not read: shown like the background's errors, and nothing is sent.
  const [unreadable, setUnreadable] = useState<FieldErrors>({});
  useEffect(() => {
    setValues(valuesFromProject(props.project));
    setUnreadable({});
  }, [props.project]);
  const onInput = (id: keyof ProjectFormValues, value: string) => setValues((current) => ({ ...current, [id]: value }));
  const errors = { ...props.errors, ...unreadable };
  const shared = { values, errors, onInput };
  return (
    <form
      class="project-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const { input, errors: numberErrors } = inputFromValues(values, undefined, uiLocale);
        setUnreadable(numberErrors);
        if (Object.keys(numberErrors).length === 0) props.onSave(input);
      }}
    >
      <h2>{props.project ? t('editProject', { name: props.project.name }) : t('newProject')}</h2>
      {errors.form && <p class="field-error">{errors.form}</p>}
      <Field id="name" testId="project-name" label={t('fieldName')} errorKey="name" {...shared} />
      <Field
        id="brands"
        testId="project-brands"
        label={t('fieldBrands')}
        hint={t('hintBrands')}
        errorKey="brandTerms"
        multiline
        {...shared}
      />
      <Field
        id="domains"
        testId="project-domains"
        label={t('fieldDomains')}
        hint={t('hintDomains')}
        errorKey="clientDomains"
        multiline
        {...shared}
      />
      <Field id="competitors" testId="project-competitors" label={t('fieldCompetitors')} errorKey="competitorDomains" multiline {...shared} />
      <Field
        id="queries"
        testId="project-queries"
        label={t('fieldQueries')}
        hint={t('hintQueries')}
        errorKey="keyQueries"
        multiline
        {...shared}
      />
      <fieldset>
        <legend>{t('targets')}</legend>
        <Field id="serpPositivityPct" testId="target-serp-positivity" label={t('fieldSerpPositivity')} errorKey="targets.serpPositivity" {...shared} />
        <Field
          id="thirdPartyRecommendPct"
          testId="target-third-party-recommend"
          label={t('fieldThirdPartyRecommend')}
          errorKey="targets.thirdPartyRecommend"
          {...shared}
        />
        <Field id="portalCoverage" testId="target-portal-coverage" label={t('fieldPortalCoverage')} errorKey="targets.portalCoverage" {...shared} />
        <Field id="negativeTop10" testId="target-negative-top10" label={t('fieldNegativeTop10')} errorKey="targets.negativeTop10" {...shared} />
      </fieldset>
      <Field
        id="monthlyBudget"
        testId="project-budget"
        label={t('fieldBudget')}
        hint={t('hintBudget')}
        errorKey="monthlyBudget"
        {...shared}
      />
      <label class="checkbox">
        <input
          type="checkbox"
          data-testid="project-suggestions-count"
          checked={values.suggestionsCountInKpis}
          onChange={(event) =>
            setValues((current) => ({ ...current, suggestionsCountInKpis: (event.target as HTMLInputElement).checked }))
          }
        />
        {t('suggestionsCount')}
      </label>
      <Field
        id="minSuggestionConfidencePct"
        testId="project-min-suggestion-confidence"
        label={t('fieldMinConfidence')}
        hint={t('hintMinConfidence')}
        errorKey="minSuggestionConfidence"
        {...shared}
      />
      <Field
        id="retentionMonths"
        testId="project-retention-months"
        label={t('fieldRetention')}
        hint={t('hintRetention')}
        errorKey="retentionMonths"
        {...shared}
      />
      <div class="actions">
        <button type="submit" data-testid="project-save" disabled={props.saving}>
          {props.project ? t('saveChanges') : t('createProject')}
        </button>
        {props.project && (
          <button type="button" onClick={props.onCancel}>
            {t('newProjectInstead')}
          </button>
        )}
      </div>
    </form>
  );
}
