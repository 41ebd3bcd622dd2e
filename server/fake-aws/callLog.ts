import type { ServerResponse } from 'node:http';

/** Calls the fake keeps by default: a day of a watcher at 1 call/s, at about 200 bytes each. */
export const CALL_LOG_SIZE = 100_000;

/** The error codes each service throttles with (server.ts `throttled`): ECS, ELBv2, EC2. */
const THROTTLE_CODES = new Set(['ThrottlingException', 'Throttling', 'RequestLimitExceeded']);

/** One entry of `GET /_fake/calls`: enough to count what a client costs and how often AWS would refuse it. */
export interface LoggedCall {
  /** The IAM action, e.g. ecs:DescribeTasks */
  operation: string;
  /** When the request arrived, epoch milliseconds */
  at: number;
  throttled: boolean;
  status: number;
}

/**
 * Drops the oldest records once the log is past its size. The log stays a plain array, which tests filter; moving
 * 100,000 references down by one costs microseconds, far below a call's own.
 */
export function trimCalls<T>(calls: T[], size: number): void {
  if (calls.length > size) calls.splice(0, calls.length - size);
}

export function loggedCall(record: { action: string; status: number; code?: string }, at: number): LoggedCall {
  return { operation: record.action, at, throttled: THROTTLE_CODES.has(record.code ?? ''), status: record.status };
}

/** `GET /_fake/calls[?since=<epoch ms>]`: the log as JSON, oldest first; a `since` that is not a number is a 400. */
export function answerCallLog(res: ServerResponse, query: URLSearchParams, calls: readonly LoggedCall[]): void {
  const since = query.get('since');
  const from = since === null ? -Infinity : Number(since);
  if (since !== null && (since.trim() === '' || !Number.isFinite(from))) {
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `since must be epoch milliseconds, not "${since}"` }));
    return;
  }
  const kept = calls.filter((c) => c.at >= from);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(kept));
}
