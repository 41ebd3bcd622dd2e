import { Fragment } from 'react';
import type { CountItem } from '../topology/graph/counts';

/** data-testid of each count's number, as the browser tests read them */
const TEST_ID: Record<CountItem['part'], string> = {
  service: 'service-count',
  task: 'task-count',
  loadBalancer: 'lb-count',
  eksNode: 'eks-node-count',
  pod: 'pod-count',
};

/** The top bar's counts: a number only where everything of its kind was read, else "not all read" and why. */
export function Counts({ items }: { items: CountItem[] }) {
  return (
    <span className="counts" data-testid="counts">
      {items.map((c, i) => (
        <Fragment key={c.part}>
          {i ? ' · ' : null}
          <span className={c.incomplete ? 'count incomplete' : 'count'} data-part={c.part} {...(c.title ? { title: c.title } : {})}>
            {c.count === undefined ? null : (
              <>
                <span data-testid={TEST_ID[c.part]}>{c.count}</span>{' '}
              </>
            )}
            {c.words}
          </span>
        </Fragment>
      ))}
    </span>
  );
}
