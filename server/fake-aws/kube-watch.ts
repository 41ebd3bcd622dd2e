import type { ServerResponse } from 'node:http';
import type { KubeEvent, KubeFeed } from './kubeEvents';
import { str, type JsonObject, type KubeObjects, type KubeResource } from './world';

/**
 * `GET …/pods?watch=1&resourceVersion=N` as the API server answers it: 200 at once, then one JSON watch event a
 * line ({"type":"ADDED|MODIFIED|DELETED|BOOKMARK|ERROR","object":…}) over chunked transfer for as long as
 * `timeoutSeconds` asks. A resume point older than the event window is not refused with an HTTP 410: the real
 * server sends 200 and an ERROR event carrying a 410 Expired Status, then closes (kubernetes/kubernetes#25151).
 */
export interface WatchRequest {
  resource: KubeResource;
  namespace?: string;
  name?: string;
  query: URLSearchParams;
  feed: KubeFeed;
  objects: KubeObjects;
  /** How an object is sent: itself with kind and apiVersion, or a one-row Table when kubectl asks for one */
  render: (object: JsonObject) => JsonObject;
  /** The resource's kind and apiVersion, which a BOOKMARK carries with only a resourceVersion */
  kind: string;
  apiVersion: string;
  /** How often a watch that allows bookmarks is sent one */
  bookmarkMs: number;
}

/** The API server's --min-request-timeout: a watch that names no timeoutSeconds ends after about this long. */
export const DEFAULT_WATCH_SECONDS = 1800;

export class WatchRefused extends Error {
  constructor(message: string) {
    super(message);
  }
}

const metaOf = (o: JsonObject): JsonObject => {
  const m = o['metadata'];
  return m && typeof m === 'object' && !Array.isArray(m) ? m : {};
};

/** kubectl watches one object by `fieldSelector=metadata.name=x`; the other selectors the fake does not need. */
function fieldsOf(query: URLSearchParams): { name?: string; namespace?: string } {
  const out: { name?: string; namespace?: string } = {};
  for (const term of (query.get('fieldSelector') ?? '').split(',').filter(Boolean)) {
    const [field, value = ''] = term.split('=');
    if (field === 'metadata.name') out.name = value;
    else if (field === 'metadata.namespace') out.namespace = value;
    else throw new WatchRefused(`field label not supported: ${field ?? ''}`);
  }
  return out;
}

/** Checks the query before anything is written, so a bad request still gets a 400 Status. */
export function watchStart(req: WatchRequest): { from: number | undefined } {
  fieldsOf(req.query);
  const asked = req.query.get('resourceVersion');
  // Unset or "0": start with an ADDED event for every current object, then stream what follows.
  if (!asked || asked === '0') return { from: undefined };
  const from = Number(asked);
  if (!Number.isSafeInteger(from) || from < 0) throw new WatchRefused(`invalid resource version: ${asked}`);
  return { from };
}

const line = (type: string, object: JsonObject) => `${JSON.stringify({ type, object })}\n`;

export function streamWatch(res: ServerResponse, req: WatchRequest): void {
  const { from } = watchStart(req);
  const fields = fieldsOf(req.query);
  const namespace = req.namespace ?? fields.namespace;
  const name = req.name ?? fields.name;
  const matches = (o: JsonObject) => (!namespace || str(metaOf(o), 'namespace') === namespace) && (!name || str(metaOf(o), 'name') === name);
  const seconds = Number(req.query.get('timeoutSeconds') ?? DEFAULT_WATCH_SECONDS);
  const bookmarks = ['true', '1'].includes(req.query.get('allowWatchBookmarks') ?? '');
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'cache-control': 'no-cache, private' });
  res.flushHeaders();

  if (from !== undefined && from < req.feed.oldest()) {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `too old resource version: ${from} (${req.feed.oldest() + 1})`,
      reason: 'Expired',
      code: 410,
    };
    res.end(line('ERROR', status));
    return;
  }
  // A timer or an event may fall due after the watch has ended (its timeout, or the client gone): dropped, as the
  // API server drops it, never written to a finished response.
  const write = (text: string) => {
    if (!res.writableEnded && !res.destroyed) res.write(text);
  };
  const send = (e: KubeEvent) => {
    if (e.resource === req.resource && matches(e.object)) write(line(e.type, req.render(e.object)));
  };
  if (from === undefined) {
    for (const o of req.objects[req.resource].filter(matches)) write(line('ADDED', req.render(req.feed.stamp(o))));
  } else {
    for (const e of req.feed.since(from)) send(e);
  }
  const unsubscribe = req.feed.subscribe(send);
  const bookmark = bookmarks
    ? setInterval(
        () => write(line('BOOKMARK', { kind: req.kind, apiVersion: req.apiVersion, metadata: { resourceVersion: String(req.feed.resourceVersion()) } })),
        req.bookmarkMs,
      )
    : undefined;
  const stop = () => {
    unsubscribe();
    clearInterval(bookmark);
    clearTimeout(timeout);
  };
  const timeout = setTimeout(
    () => {
      stop();
      res.end();
    },
    (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_WATCH_SECONDS) * 1000,
  );
  res.on('close', stop);
}
