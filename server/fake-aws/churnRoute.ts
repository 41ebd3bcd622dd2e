import type { ServerResponse } from 'node:http';
import { CHANGES, churnStep, type ChangeName, type ChurningWorld } from './churn';

const isChange = (name: string): name is ChangeName => Object.hasOwn(CHANGES, name);

/**
 * `POST /_fake/churn[?change=<name>]`: one step of churn now, answered with the changes made: a tick drawn as the
 * churn timer draws it, or the one change named. Browser tests and demos use it to change the world on cue, then
 * see the map follow, instead of waiting on a timer.
 */
export function answerChurn(res: ServerResponse, query: URLSearchParams, target: ChurningWorld, step: { seed: number; now: number }): void {
  const asked = query.get('change');
  if (asked !== null && !isChange(asked)) {
    const known = Object.keys(CHANGES).join(', ');
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `change must be one of ${known}, not "${asked}"` }));
    return;
  }
  const next = asked === null ? churnStep(target.world, step) : { world: CHANGES[asked].change(target.world, step), changes: [asked] };
  target.setWorld(next.world);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ changes: next.changes }));
}
