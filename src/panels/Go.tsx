import { useStore } from '../app/store';

/** A link to another resource of the map: selects it and brings it into view. */
export function Go({ id, children }: { id: string; children: string }) {
  const requestFocus = useStore((s) => s.requestFocus);
  return (
    <button type="button" className="link" onClick={() => requestFocus(id)}>
      {children}
    </button>
  );
}
