import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FakeResponse } from './protocol';
import type { JsonObject, JsonValue } from './world';

/**
 * What the fake AWS can do wrong on purpose, per IAM action ("ecs:DescribeTasks"): the answers a corporate proxy,
 * a broken AWS-compatible endpoint or a black-holed network path give, so the reader's handling of each is tested
 * on the wire and not against a mock.
 */
export type Fault =
  /** A proxy's HTML page instead of AWS's answer (status 200 unless told) */
  | { action: string; kind: 'html'; status?: number }
  /** Status 200 and no body */
  | { action: string; kind: 'empty' }
  /** Reads the request and never answers (the connection stays open) */
  | { action: string; kind: 'black-hole' }
  /** Sends the headers and half the body, then nothing more */
  | { action: string; kind: 'stall' }
  /** A null where the list `at` holds an item (an empty element in the XML protocols) */
  | { action: string; kind: 'null-item'; at: string; index?: number }
  /** An item of the list `at` (or the object `at`) without `field` */
  | { action: string; kind: 'drop-field'; at: string; field: string; index?: number };

export type ConnectionFault = Extract<Fault, { kind: 'black-hole' | 'stall' }>;

export const FAULT_HELP = `ACTION=html[:STATUS] | empty | black-hole | stall | null-item:LIST[:INDEX] | drop-field:LIST.FIELD[:INDEX]`;

/**
 * One --fault of the fake-aws command, e.g. "ecs:DescribeTasks=null-item:tasks" or "ec2:DescribeSubnets=html:502";
 * a string that names no fault is an error saying what is accepted.
 */
export function parseFault(text: string): Fault | { error: string } {
  const bad = { error: `--fault takes ${FAULT_HELP}, e.g. ecs:DescribeTasks=black-hole; not "${text}".` };
  const m = /^([a-z0-9-]+:[A-Za-z]+)=([a-z-]+)(?::(.+))?$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return bad;
  const [action, kind, arg] = [m[1], m[2], m[3]];
  const index = (part: string | undefined) => (part === undefined ? {} : /^\d+$/.test(part) ? { index: Number(part) } : undefined);
  switch (kind) {
    case 'html': {
      if (arg === undefined) return { action, kind };
      const status = Number(arg);
      return Number.isInteger(status) && status >= 100 && status <= 599 ? { action, kind, status } : bad;
    }
    case 'empty':
    case 'black-hole':
    case 'stall':
      return arg === undefined ? { action, kind } : bad;
    case 'null-item': {
      const [at, i, ...rest] = (arg ?? '').split(':');
      const idx = index(i);
      return at && idx && !rest.length ? { action, kind, at, ...idx } : bad;
    }
    case 'drop-field': {
      const [path, i, ...rest] = (arg ?? '').split(':');
      const [at, field, ...more] = (path ?? '').split('.');
      const idx = index(i);
      return at && field && idx && !more.length && !rest.length ? { action, kind, at, field, ...idx } : bad;
    }
    default:
      return bad;
  }
}

export function faultFor(faults: readonly Fault[] | undefined, action: string): Fault | undefined {
  return faults?.find((f) => f.action === action);
}

export const PROXY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Access policy</title></head><body><h1>Web access is subject to the acceptable use policy</h1><p>Click to continue.</p></body></html>';

/** The answer a wire fault puts in place of AWS's, or undefined when the fault is not about the whole answer. */
export function wireFault(fault: Fault | undefined): FakeResponse | undefined {
  if (fault?.kind === 'html') return { status: fault.status ?? 200, contentType: 'text/html; charset=utf-8', body: PROXY_PAGE };
  if (fault?.kind === 'empty') return { status: 200, contentType: 'text/plain', body: '' };
  return undefined;
}

export function connectionFault(fault: Fault | undefined): ConnectionFault | undefined {
  return fault?.kind === 'black-hole' || fault?.kind === 'stall' ? fault : undefined;
}

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An answer with an item fault applied, as the operation's JSON before it is serialised. The XML protocols write a
 * null as an empty element, which the SDK reads as an item with no fields.
 */
export function withItemFault(answer: JsonObject, fault: Fault | undefined, xml: boolean): JsonObject {
  if (fault?.kind !== 'null-item' && fault?.kind !== 'drop-field') return answer;
  const target = answer[fault.at];
  const index = fault.index ?? 0;
  if (fault.kind === 'null-item') {
    if (!Array.isArray(target)) return answer;
    const list = [...target];
    list.splice(index, 0, xml ? {} : null);
    return { ...answer, [fault.at]: list };
  }
  const strip = (item: JsonValue | undefined): JsonValue | undefined => {
    if (!isObject(item)) return item;
    return Object.fromEntries(Object.entries(item).filter(([key]) => key !== fault.field));
  };
  if (Array.isArray(target)) return { ...answer, [fault.at]: target.map((item, i) => (i === index ? (strip(item) ?? null) : item)) };
  return isObject(target) ? { ...answer, [fault.at]: strip(target) ?? null } : answer;
}

/** A loopback TCP server that accepts connections and never answers: a black-holed endpoint, minus the wait to connect. */
export async function startBlackHole(): Promise<{
  url: string;
  port: number;
  /** Connections accepted so far */
  accepted: () => number;
  /** Connections the client has not closed yet */
  open: () => number;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Read and drop what arrives, so the client's request is written in full and then waits.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accepted: () => accepted,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
