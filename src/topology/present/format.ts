/** Where a time is shown; both default to the reader's own (the browser's locale and zone). */
export interface TimeFormat {
  locale?: string;
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and zone: building an Intl.DateTimeFormat costs far more than using one. */
function formatter({ locale, timeZone }: TimeFormat): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
    formatters.set(key, f);
  }
  return f;
}

/** A model time (epoch milliseconds, as every time in the model) as every panel shows it; "—" when unknown. */
export function formatTime(epochMs: number | undefined, where: TimeFormat = {}): string {
  return epochMs === undefined || !Number.isFinite(epochMs) ? '—' : formatter(where).format(epochMs);
}
