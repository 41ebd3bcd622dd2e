import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { FreshnessText } from '../app/FreshnessText';
import { selectErrorsOpen, selectLayoutFallback, useStore } from '../app/store';
import type { Topology } from '../topology/model';
import { formatTime } from '../topology/present/format';

/**
 * The error list covers the map and the details panel: Esc or a click anywhere outside it closes it, as a popover
 * does. Esc is taken before the details panel's own Esc (capture phase), so one press closes only the list.
 */
function useDismiss(open: boolean, close: () => void, list: RefObject<HTMLElement | null>, button: RefObject<HTMLButtonElement | null>) {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close();
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (!target || list.current?.contains(target) || button.current?.contains(target)) return;
      close();
      // After the click's own focus change: what the click focused keeps focus, otherwise it goes back to the button.
      window.setTimeout(() => {
        const active = document.activeElement;
        if (!active || active === document.body) button.current?.focus({ preventScroll: true });
      }, 0);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open, close, list, button]);
}

/** Source, region, account, when it was read, how many AWS calls it took, and what could not be read. */
export function StatusBar({ topology }: { topology: Topology }) {
  const errorsOpen = useStore(selectErrorsOpen);
  const setErrorsOpen = useStore((s) => s.setErrorsOpen);
  const layoutFallback = useStore(selectLayoutFallback);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const calls = Object.values(topology.stats.calls).reduce((a, b) => a + b, 0);
  const { source, errors } = topology;
  const open = errorsOpen && errors.length > 0;
  const closeErrors = useCallback(() => setErrorsOpen(false), [setErrorsOpen]);
  useDismiss(open, closeErrors, list, button);
  return (
    <footer className="status-bar">
      <FreshnessText />
      <span>{source.label}</span>
      <span>region {source.region}</span>
      {source.accountId ? <span>account {source.accountId}</span> : null}
      <span>read {formatTime(source.fetchedAt)}</span>
      <span>
        {calls} API calls{topology.stats.retries ? ` (${topology.stats.retries} retries)` : ''} in {(topology.stats.durationMs / 1000).toFixed(1)} s
      </span>
      {layoutFallback ? (
        <span className="layout-fallback" role="status" data-testid="layout-fallback" title={layoutFallback}>
          Laying out on the page&apos;s main thread: {layoutFallback}
        </span>
      ) : null}
      <button
        ref={button}
        type="button"
        className={errors.length ? 'errors-button has-errors' : 'errors-button'}
        onClick={() => setErrorsOpen(!errorsOpen)}
        disabled={!errors.length}
        aria-expanded={open}
        aria-controls="errors-list"
      >
        {errors.length ? `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}` : 'no errors'}
      </button>
      {open ? (
        <div ref={list} id="errors-list" className="errors-list" role="dialog" aria-label="What could not be read">
          <h3>What could not be read</h3>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <strong>{e.api}</strong> {e.resource ? <code>{e.resource}</code> : null} — {e.code}: {e.message}
                <div className="hint">{e.hint}</div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </footer>
  );
}
