import type { EmptyEstate } from '../topology/graph/emptyEstate';

/** Shown in place of the map when the read found no containers: an empty canvas would look like a failure. */
export function EmptyEstateView({ empty }: { empty: EmptyEstate }) {
  return (
    <section className="empty-estate" role="status" aria-label="Nothing to map" data-testid="empty-estate">
      <h2>{empty.title}</h2>
      <p>{empty.detail}</p>
      <p>{empty.next}</p>
    </section>
  );
}
