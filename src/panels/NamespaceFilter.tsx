import { useMemo } from 'react';
import { selectHiddenNamespaces, useStore } from '../app/store';
import { counted } from '../topology/graph/counts';
import { SYSTEM_NAMESPACES } from '../topology/graph/units';
import { resourcesOf, type Topology } from '../topology/model';

/**
 * Which Kubernetes namespaces the map shows: every namespace of every EKS cluster with its pod count. System
 * namespaces are shown folded by default; unticking a namespace leaves its pods and workloads out of the map and
 * of exports.
 */
export function NamespaceFilter({ topology }: { topology: Topology }) {
  const hidden = useStore(selectHiddenNamespaces);
  const setHidden = useStore((s) => s.setHiddenNamespaces);
  const namespaces = useMemo(() => {
    const pods = new Map<string, number>();
    for (const p of resourcesOf(topology, 'pod')) pods.set(p.namespace, (pods.get(p.namespace) ?? 0) + 1);
    for (const w of resourcesOf(topology, 'workload')) if (!pods.has(w.namespace)) pods.set(w.namespace, 0);
    return [...pods.entries()].sort(([a], [b]) => Number(SYSTEM_NAMESPACES.has(a)) - Number(SYSTEM_NAMESPACES.has(b)) || a.localeCompare(b));
  }, [topology]);
  if (!namespaces.length) return null;
  const shown = namespaces.filter(([ns]) => !hidden.has(ns)).length;
  const toggle = (ns: string) => {
    const next = new Set(hidden);
    if (next.has(ns)) next.delete(ns);
    else next.add(ns);
    setHidden(next);
  };
  return (
    <details className="ns-filter" data-testid="namespace-filter">
      <summary>
        Namespaces {shown}/{namespaces.length}
      </summary>
      <div className="ns-filter-list" role="group" aria-label="Kubernetes namespaces">
        <div className="ns-filter-actions">
          <button type="button" onClick={() => setHidden(new Set())}>
            All
          </button>
          <button type="button" onClick={() => setHidden(new Set(namespaces.map(([ns]) => ns).filter((ns) => SYSTEM_NAMESPACES.has(ns))))}>
            Hide system
          </button>
        </div>
        {namespaces.map(([ns, count]) => (
          <label key={ns}>
            <input type="checkbox" checked={!hidden.has(ns)} onChange={() => toggle(ns)} /> {ns} <span className="muted">{counted(count, 'pod')}</span>
            {SYSTEM_NAMESPACES.has(ns) ? <span className="muted"> · system, folded</span> : null}
          </label>
        ))}
      </div>
    </details>
  );
}
