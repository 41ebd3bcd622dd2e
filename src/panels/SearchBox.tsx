import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../app/store';
import { prepareSearch, searchTopology, type SearchHit } from '../topology/graph/search';
import type { Topology } from '../topology/model';

/**
 * Find a service, task, pod, IP, load balancer, target group, node or subnet, by name or by state ("unhealthy",
 * "crash"). A combobox over a listbox (the ARIA pattern): focus stays in the input while the arrow keys move the
 * active option, so typing goes on; Enter picks, which selects the resource and brings it into view; Esc closes.
 */
export function SearchBox({ topology }: { topology: Topology }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const requestFocus = useStore((s) => s.requestFocus);
  const groups = useMemo(() => searchTopology(topology, query), [topology, query]);
  const options = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  // Each group's first option's place in the flat order the arrow keys walk.
  const firsts = useMemo(() => groups.map((_, n) => groups.slice(0, n).reduce((sum, g) => sum + g.hits.length, 0)), [groups]);
  const listId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const optionId = (i: number) => `${listId}-option-${i}`;
  const asked = query.trim() !== '';
  const expanded = open && asked && options.length > 0;

  // The index is built once per topology; building it while the page is idle, after the map is drawn, keeps that
  // work (a few hundred milliseconds at 100,000 tasks) off the first keystroke.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => prepareSearch(topology), 0);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(() => prepareSearch(topology));
    return () => cancelIdleCallback(idle);
  }, [topology]);

  useEffect(() => {
    if (active >= 0) listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    requestFocus(hit.id);
    setOpen(false);
    setActive(-1);
  };
  const move = (step: 1 | -1) => {
    setOpen(true);
    // Wraps at both ends; the first press down lands on the first option, the first press up on the last.
    setActive((i) => (i < 0 ? (step > 0 ? 0 : options.length - 1) : (i + step + options.length) % options.length));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!options.length) return;
        e.preventDefault();
        move(e.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Enter':
        if (!asked) return;
        e.preventDefault();
        pick(options[active] ?? options[0]);
        return;
      case 'Escape':
        // The browser would otherwise clear a search field on Esc; closing the list comes first.
        if (!expanded) return;
        e.preventDefault();
        setOpen(false);
        setActive(-1);
        return;
    }
  };

  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label="Search the map"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder="Name, IP, state…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <div id={listId} ref={listRef} className="search-results" role="listbox" aria-label="Search results" hidden={!expanded}>
        {expanded
          ? groups.map((g, n) => (
              <div key={g.kind} role="group" aria-labelledby={`${listId}-${g.kind}`}>
                <div id={`${listId}-${g.kind}`} className="search-heading">
                  {g.heading}
                  {g.total > g.hits.length ? <span className="search-more">{` · ${g.hits.length} of ${g.total}`}</span> : null}
                </div>
                {g.hits.map((h, j) => {
                  const i = (firsts[n] ?? 0) + j;
                  return (
                    <div
                      key={h.id}
                      id={optionId(i)}
                      data-index={i}
                      role="option"
                      aria-selected={i === active}
                      className={i === active ? 'search-option is-active' : 'search-option'}
                      // Keeps focus in the input, so the list stays open until the click lands.
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseMove={() => setActive(i)}
                      onClick={() => pick(h)}
                    >
                      {/* The spaces keep the accessible name readable: "cart 3/3 running", not "cart3/3 running". */}
                      <span className="search-name">{h.name}</span> {h.suffix ? <span className="search-suffix">{h.suffix}</span> : null}{' '}
                      <span className="search-detail">{h.detail}</span>
                    </div>
                  );
                })}
              </div>
            ))
          : null}
      </div>
      <div className={open && asked && !options.length ? 'search-status is-empty' : 'search-status'} role="status">
        {!asked ? '' : options.length ? `${options.length} results` : `Nothing matches “${query.trim()}”.`}
      </div>
    </div>
  );
}
