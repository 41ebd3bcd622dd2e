import { useStore } from '../store';
import type { Difference, DifferenceKind } from './compare';
import { useEscapeCloses } from '../useEscapeCloses';

/** A glyph per kind, beside its word (which says it in full, for every reader). */
const GLYPHS: Record<DifferenceKind, string> = { added: '+', removed: '−', changed: '~' };

/**
 * What differs from A to B, each a link that selects the resource on the map and brings it into view, as the
 * Changes feed does. A resource the map of B cannot draw (a service gone) is listed without a link. Esc closes it.
 */
export function CompareList({ differences, close }: { differences: readonly Difference[]; close: () => void }) {
  const requestFocus = useStore((s) => s.requestFocus);
  useEscapeCloses(close);
  return (
    <div id="compare-list" className="compare-list" role="dialog" aria-label="Differences from A to B">
      {differences.length === 0 ? (
        <p className="compare-empty">Nothing differs: the estate was the same at A and at B.</p>
      ) : (
        <ol>
          {differences.map((d) => (
            <li key={`${d.kind}:${d.id}`} className={`difference ${d.kind}`} data-kind={d.kind}>
              <span className="difference-glyph" aria-hidden="true">
                {GLYPHS[d.kind]}
              </span>
              <span className="difference-kind">{d.kind}</span>
              {d.onMap ? (
                <a
                  href={`?select=${encodeURIComponent(d.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    requestFocus(d.id);
                  }}
                >
                  {d.label}
                </a>
              ) : (
                <span title="Gone at B: not on this map">{d.label}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
