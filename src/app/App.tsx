import { useEffect } from 'react';
import { Canvas } from '../canvas/Canvas';
import { DetailsPanel } from '../panels/DetailsPanel';
import { Legend } from '../panels/Legend';
import { StatusBar } from '../panels/StatusBar';
import { resourcesOf } from '../topology/model';
import { selectLoad, selectView, useStore } from './store';

export function App() {
  const load = useStore(selectLoad);
  const view = useStore(selectView);
  const setView = useStore((s) => s.setView);
  const fetchTopology = useStore((s) => s.fetch);
  useEffect(() => {
    void fetchTopology();
  }, [fetchTopology]);

  const topology = load.kind === 'ready' ? load.topology : undefined;
  const counts = topology
    ? { services: resourcesOf(topology, 'service').length, tasks: resourcesOf(topology, 'task').length, lbs: resourcesOf(topology, 'loadBalancer').length }
    : undefined;
  return (
    <div className="app">
      <header className="top-bar">
        <strong className="brand">Fleetmap</strong>
        {topology?.source.kind === 'demo' ? <span className="demo-banner">Demo estate (simulated AWS)</span> : null}
        {topology?.source.kind === 'snapshot' ? <span className="demo-banner">{topology.source.label}</span> : null}
        <div className="view-switch" role="tablist" aria-label="View">
          <button type="button" role="tab" aria-selected={view === 'network'} onClick={() => setView('network')}>
            Network
          </button>
          <button type="button" role="tab" aria-selected={view === 'service'} onClick={() => setView('service')}>
            Services
          </button>
        </div>
        {counts ? (
          <span className="counts" data-testid="counts">
            <span data-testid="service-count">{counts.services}</span> services · <span data-testid="task-count">{counts.tasks}</span> tasks · {counts.lbs} load
            balancers
          </span>
        ) : null}
        <button type="button" onClick={() => void fetchTopology(true)} disabled={load.kind === 'loading' || (load.kind === 'ready' && load.refreshing)}>
          {load.kind === 'ready' && load.refreshing ? 'Reading…' : 'Refresh'}
        </button>
        <Legend />
      </header>
      <main className="main">
        {load.kind === 'loading' ? <div className="canvas-message">Reading the estate…</div> : null}
        {load.kind === 'error' ? (
          <div className="canvas-message error" role="alert">
            <strong>Nothing could be drawn.</strong> {load.message}
          </div>
        ) : null}
        {topology ? (
          <>
            <Canvas topology={topology} />
            <DetailsPanel topology={topology} />
          </>
        ) : null}
      </main>
      {topology ? <StatusBar topology={topology} /> : null}
    </div>
  );
}
