/**
 * The wallboard: `?kiosk=1` draws the map alone with a slim header and a banner of problems; `&cycle=<seconds>`
 * alternates the Network and Services views. A cycle shorter than a layout and a look is no cycle: at least 10 s.
 */
export interface Kiosk {
  kiosk: boolean;
  /** Between view changes, when asked */
  cycleMs: number | undefined;
}

export const MIN_CYCLE_S = 10;
const ON = new Set(['1', 'true', 'yes', '']);

export function parseKiosk(search: string): Kiosk {
  const params = new URLSearchParams(search);
  const asked = params.get('kiosk');
  const kiosk = asked !== null && ON.has(asked.toLowerCase());
  const seconds = Number(params.get('cycle') ?? NaN);
  return { kiosk, cycleMs: kiosk && Number.isFinite(seconds) && seconds > 0 ? Math.max(MIN_CYCLE_S, seconds) * 1000 : undefined };
}
