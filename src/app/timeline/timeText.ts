import type { TimeFormat } from '../../topology/present/format';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, { locale, timeZone }: TimeFormat): Intl.DateTimeFormat {
  const key = `${JSON.stringify(options)}|${locale ?? ''}|${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, ...(timeZone ? { timeZone } : {}) });
    formatters.set(key, f);
  }
  return f;
}

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

/**
 * A moment of the timeline as the banner says it, short: "14:05" on the day of `today` (epoch ms), else with its
 * day ("Tue 14:05"); `seconds` for the slider, whose neighbouring captures may be seconds apart.
 */
export function clock(epochMs: number, today: number, where: TimeFormat = {}, seconds = false): string {
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) };
  const sameDay = formatter(DAY, where).format(epochMs) === formatter(DAY, where).format(today);
  return formatter(sameDay ? time : { weekday: 'short', day: 'numeric', month: 'short', ...time }, where).format(epochMs);
}
