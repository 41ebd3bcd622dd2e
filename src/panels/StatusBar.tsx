import { selectErrorsOpen, selectLayoutFallback, useStore } from '../app/store';
import type { Topology } from '../topology/model';

/** Source, region, account, when it was read, how many AWS calls it took, and what could not be read. */
export function StatusBar({ topology }: { topology: Topology }) {
  const errorsOpen = useStore(selectErrorsOpen);
  const setErrorsOpen = useStore((s) => s.setErrorsOpen);
  const layoutFallback = useStore(selectLayoutFallback);
  const calls = Object.values(topology.stats.calls).reduce((a, b) => a + b, 0);
  const { source, errors } = topology;
  return (
    <footer className="status-bar">
      <span>{source.label}</span>
      <span>region {source.region}</span>
      {source.accountId ? <span>account {source.accountId}</span> : null}
      <span>read {new Date(source.fetchedAt).toLocaleString()}</span>
      <span>
        {calls} API calls{topology.stats.retries ? ` (${topology.stats.retries} retries)` : ''} in {(topology.stats.durationMs / 1000).toFixed(1)} s
      </span>
      {layoutFallback ? (
        <span className="layout-fallback" role="status" data-testid="layout-fallback" title={layoutFallback}>
          Laying out on the page&apos;s main thread: {layoutFallback}
        </span>
      ) : null}
      <button
        type="button"
        className={errors.length ? 'errors-button has-errors' : 'errors-button'}
        onClick={() => setErrorsOpen(!errorsOpen)}
        disabled={!errors.length}
      >
        {errors.length ? `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}` : 'no errors'}
      </button>
      {errorsOpen && errors.length ? (
        <div className="errors-list" role="dialog" aria-label="What could not be read">
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
