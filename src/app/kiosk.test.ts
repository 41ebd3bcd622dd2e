import { describe, expect, it } from 'vitest';
import { parseKiosk } from './kiosk';

describe('parseKiosk', () => {
  it('reads the wallboard and its view cycle from the address', () => {
    expect(parseKiosk('?kiosk=1&cycle=30&theme=dark')).toEqual({ kiosk: true, cycleMs: 30_000 });
    expect(parseKiosk('?kiosk')).toEqual({ kiosk: true, cycleMs: undefined });
    expect(parseKiosk('?view=service')).toEqual({ kiosk: false, cycleMs: undefined });
  });

  it('cycles only on a wallboard, never faster than a look at a view takes, and ignores a cycle it cannot read', () => {
    expect(parseKiosk('?cycle=30')).toEqual({ kiosk: false, cycleMs: undefined });
    expect(parseKiosk('?kiosk=1&cycle=2')).toEqual({ kiosk: true, cycleMs: 10_000 });
    expect(parseKiosk('?kiosk=1&cycle=soon')).toEqual({ kiosk: true, cycleMs: undefined });
    expect(parseKiosk('?kiosk=0&cycle=30')).toEqual({ kiosk: false, cycleMs: undefined });
  });
});
