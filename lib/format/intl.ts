/**
 * Intl formatters, one per locale and options for the life of the page: making one costs about as much as a
 * thousand uses (the popup made one per KPI and per sparkline month, a fifth of its first render).
 * A locale Intl rejects throws here as it would from the constructor.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: string | undefined, options: object, make: () => F): F {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: 'numeric', minute: 'numeric', second: 'numeric' };

/** A day as `Date#toLocaleDateString(locale)` writes it, which makes a formatter on every call (a table's rows). */
export function formatDate(at: number, locale?: string): string {
  return dateTimeFormat(locale, DATE).format(at);
}

/** A day and time as `Date#toLocaleString(locale)` writes it. */
export function formatDateTime(at: number, locale?: string): string {
  return dateTimeFormat(locale, DATE_TIME).format(at);
}
