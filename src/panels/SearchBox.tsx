import { useMemo, useState } from 'react';
import { useStore } from '../app/store';
import { searchTopology } from '../topology/graph/search';
import type { Topology } from '../topology/model';

/** Find a service, task, IP, load balancer, target group or instance; picking one selects it and brings it into view. */
export function SearchBox({ topology }: { topology: Topology }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const requestFocus = useStore((s) => s.requestFocus);
  const hits = useMemo(() => searchTopology(topology, query), [topology, query]);
  const pick = (id: string) => {
    requestFocus(id);
    setOpen(false);
  };
  return (
    <div className="search">
      <input
        type="search"
        aria-label="Search the map"
        placeholder="Search: service, task, IP, load balancer…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) pick(hits[0].id);
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && query.trim() ? (
        <ul className="search-results" role="listbox" aria-label="Search results">
          {hits.length ? (
            hits.map((h) => (
              <li key={h.id} role="option" aria-selected={false}>
                <button type="button" onClick={() => pick(h.id)}>
                  <strong>{h.label}</strong> <span className="muted">{h.detail}</span>
                </button>
              </li>
            ))
          ) : (
            <li className="muted">Nothing matches “{query}”.</li>
          )}
        </ul>
      ) : null}
    </div>
  );
}
