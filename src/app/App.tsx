import { useEffect, useMemo, useState } from 'react';
import type { LoadState } from './store';
import { Canvas } from '../canvas/Canvas';
import { DetailsPanel } from '../panels/DetailsPanel';
import { ExportMenu } from '../panels/ExportMenu';
import { Legend } from '../panels/Legend';
import { NamespaceFilter } from '../panels/NamespaceFilter';
import { SearchBox } from '../panels/SearchBox';
import { ChangesFeed } from '../panels/ChangesFeed';
import { ProblemBanner } from '../panels/ProblemBanner';
import { StatusBar } from '../panels/StatusBar';
import { withGhosts } from '../topology/live/ghosts';
import { topBarCounts } from '../topology/graph/counts';
import { parseSnapshot, type Topology } from '../topology/model';
import { redactTopology } from '../topology/redact/redact';
import { emptyEstate } from '../topology/graph/emptyEstate';
import { Counts } from './Counts';
import { EmptyEstateView } from './EmptyEstateView';
import { FreshnessText } from './FreshnessText';
import { KioskFit } from './KioskFit';
import { ProblemMessage } from './ProblemMessage';
import { ProblemsButton } from './ProblemsButton';
import { selectFollowing, selectGhosts, selectLoad, selectMode, selectNotice, selectTimeline, selectView, selectWallboard, useStore } from './store';
import { useLive, useViewCycle } from './useLive';
import { AsOfBanner } from './timeline/AsOfBanner';
import { pastViewOf } from './timeline/pastView';
import { Timeline } from './timeline/Timeline';

/** A snapshot dropped on the page opens in place of the current map; anything else gets a message and the map stays. */
function useSnapshotDrop(): boolean {
  const [over, setOver] = useState(false);
  const open = useStore((s) => s.open);
  const setNotice = useStore((s) => s.setNotice);
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      setOver(false);
      void file.text().then((text) => {
        const result = parseSnapshot(text);
        if (!result.ok) return setNotice(`${file.name} cannot be opened: ${result.error}`);
        const t = result.topology;
        open(redactTopology({ ...t, source: { ...t.source, kind: 'snapshot', label: `snapshot ${file.name}` } }));
      });
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [open, setNotice]);
  return over;
}

/**
 * The skip link's target: the map's one Tab stop (or, when a large map has culled that box, the first box drawn).
 * A link's default jump would only scroll to the map; focus has to land on a box for the arrow keys to work.
 */
function focusMap(): void {
  const map = document.getElementById('map');
  (map?.querySelector<HTMLElement>('.react-flow__node[tabindex="0"]') ?? map?.querySelector<HTMLElement>('.react-flow__node[tabindex]'))?.focus();
}

export function App() {
  const load = useStore(selectLoad);
  const view = useStore(selectView);
  const setView = useStore((s) => s.setView);
  const fetchTopology = useStore((s) => s.fetch);
  const following = useStore(selectFollowing);
  const follow = useStore((s) => s.follow);
  const mode = useStore(selectMode);
  const notice = useStore(selectNotice);
  const setNotice = useStore((s) => s.setNotice);
  const ghosts = useStore(selectGhosts);
  const { kiosk } = useStore(selectWallboard);
  const dropping = useSnapshotDrop();
  useLive();
  useViewCycle();

  const live = load.kind === 'ready' ? load.topology : undefined;
  // The map of the past (as of a moment, or two compared), read-only; the live estate meanwhile keeps its patches.
  const past = pastViewOf(useStore(selectTimeline));
  const topology = past ? past.estate : live;
  const empty = useMemo(() => (topology ? emptyEstate(topology) : undefined), [topology]);
  const counts = useMemo(() => (topology ? topBarCounts(topology) : undefined), [topology]);
  // The map (and the details of what is selected on it) draws the tasks and pods that went lately as ghosts; the
  // counts, problems and search speak of the estate as it is.
  const liveDrawn = useMemo(() => (live ? withGhosts(live, ghosts.values(), Date.now()) : undefined), [live, ghosts]);
  const drawn = past ? past.drawn : liveDrawn;
  const refresh = () => {
    // After a dropped snapshot, Refresh goes back to following the server.
    if (!following) follow(true);
    void fetchTopology(true);
  };
  if (kiosk) return <Wallboard topology={topology} drawn={drawn} empty={empty !== undefined} load={load} />;
  return (
    <div className={past ? 'app past' : 'app'}>
      <a
        className="skip-link"
        href="#map"
        onClick={(e) => {
          e.preventDefault();
          focusMap();
        }}
      >
        Skip to map
      </a>
      <header className="top-bar">
        <strong className="brand">Fleetmap</strong>
        {/* Short, with the whole label in its tooltip and the status bar: the bar must hold one row on a laptop. */}
        {topology?.source.kind === 'demo' ? (
          <span className="demo-banner" title={topology.source.label}>
            Demo
          </span>
        ) : null}
        {topology?.source.kind === 'snapshot' ? (
          <span className="demo-banner snapshot-banner" title={topology.source.label}>
            {topology.source.label}
          </span>
        ) : null}
        <div className="view-switch" role="tablist" aria-label="View">
          <button type="button" role="tab" aria-selected={view === 'network'} onClick={() => setView('network')}>
            Network
          </button>
          <button type="button" role="tab" aria-selected={view === 'service'} onClick={() => setView('service')}>
            Services
          </button>
        </div>
        {counts ? <Counts items={counts} /> : null}
        {topology && !empty ? <ProblemsButton topology={topology} /> : null}
        {topology ? <NamespaceFilter topology={topology} /> : null}
        {topology ? <SearchBox topology={topology} /> : null}
        {mode === 'live' && following && !past ? <ChangesFeed /> : null}
        {past ? null : mode === 'live' ? (
          <button type="button" onClick={refresh} disabled={load.kind === 'loading' || (load.kind === 'ready' && load.refreshing)}>
            {load.kind === 'ready' && load.refreshing ? 'Reading…' : 'Refresh'}
          </button>
        ) : (
          <span className="demo-banner">Offline copy</span>
        )}
        <Legend />
      </header>
      <AsOfBanner />
      <main className="main">
        {past?.message ? (
          <div className="canvas-message as-of-message" role="status">
            {past.message}
          </div>
        ) : null}
        {dropping ? <div className="drop-hint">Drop a Fleetmap snapshot (.json) to open it</div> : null}
        {notice ? (
          <div className="notice" role="alert">
            {notice}{' '}
            <button type="button" onClick={() => setNotice(undefined)} aria-label="Dismiss">
              ×
            </button>
          </div>
        ) : null}
        {load.kind === 'loading' ? <div className="canvas-message">Reading the estate…</div> : null}
        {load.kind === 'error' ? (
          <div className="canvas-message error" role="alert">
            <strong>Nothing could be drawn.</strong> {load.message}
          </div>
        ) : null}
        {topology && empty ? <EmptyEstateView empty={empty} /> : null}
        {topology && drawn && !empty ? (
          <>
            <Canvas
              topology={drawn}
              estate={topology}
              toolbar={(map) => (
                <>
                  <ProblemMessage topology={topology} />
                  <ExportMenu {...map} />
                </>
              )}
            />
            <DetailsPanel topology={drawn} />
          </>
        ) : null}
      </main>
      {mode === 'live' && following ? <Timeline /> : null}
      {topology ? <StatusBar topology={topology} /> : null}
    </div>
  );
}

/**
 * `?kiosk=1`: the map alone for a wall, fitted to the screen, under a slim header (the estate and how fresh it is)
 * and a banner of the problems an ops team acts on, in type that reads across a room.
 */
function Wallboard({ topology, drawn, empty, load }: { topology: Topology | undefined; drawn: Topology | undefined; empty: boolean; load: LoadState }) {
  return (
    <div className="app kiosk" data-testid="wallboard">
      <header className="kiosk-header">
        <strong className="brand">Fleetmap</strong>
        {topology ? <span className="kiosk-estate">{topology.source.label}</span> : null}
        <FreshnessText />
      </header>
      {topology && !empty ? <ProblemBanner topology={topology} /> : null}
      <main className="main">
        {load.kind === 'loading' ? <div className="canvas-message">Reading the estate…</div> : null}
        {load.kind === 'error' ? (
          <div className="canvas-message error" role="alert">
            <strong>Nothing could be drawn.</strong> {load.message}
          </div>
        ) : null}
        {drawn && !empty ? <Canvas topology={drawn} toolbar={(map) => <KioskFit layout={map.layout} />} /> : null}
      </main>
    </div>
  );
}
