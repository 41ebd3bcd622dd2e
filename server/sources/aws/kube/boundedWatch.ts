import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { failureOf, type Failure } from './reader';

/** A watch that failed: `statusCode` 410 makes the informer relist, anything else is reported and retried. */
export class WatchFailure extends Error {
  readonly statusCode: number | undefined;
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.statusCode = failure.status;
  }
}

export interface WatchBounds {
  /** The API server must answer a watch's headers within this, or the watch fails (a private endpoint never answers) */
  connectMs: number;
  /** The API server is asked to end each watch after this; a stream silent for longer than it plus a grace is dead */
  watchSeconds: number;
  /** A fresh configuration for each watch: EKS tokens live 15 minutes, a watcher lives for days */
  config: () => Promise<KubeConfig>;
  /** The watch's headers said 200: the stream is open */
  onOpen: () => void;
}

/** What a stream may stay silent past its timeoutSeconds before it is taken for dead (a half-open TCP connection). */
const SILENCE_GRACE_MS = 30_000;

const statusMessage = (text: string): string | undefined => {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' && body.message.trim() ? body.message : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The client's Watch, bounded. Its own awaits the response before it hands back the controller that could abort
 * it, and sets no timeout, so an endpoint that accepts and never answers would hold the informer forever; this one
 * returns the controller at once, fails after `connectMs` without headers and after a silence longer than the
 * watch itself, asks for bookmarks (so a quiet resource keeps a fresh resourceVersion and does not expire), and
 * reads a refusal's Status message for the error.
 */
export class BoundedWatch extends Watch {
  constructor(
    config: KubeConfig,
    private readonly bounds: WatchBounds,
  ) {
    super(config);
  }

  override watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    const controller = new AbortController();
    let finished = false;
    const finish = (err: unknown) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      controller.abort();
      done(err);
    };
    let timer: NodeJS.Timeout | undefined;
    // Stopped from outside (the informer stops or starts over): end quietly, the informer already knows.
    controller.signal.addEventListener('abort', () => {
      finished = true;
      clearTimeout(timer);
    });
    const arm = (ms: number, failure: Failure) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new WatchFailure(failure)), ms);
    };
    arm(this.bounds.connectMs, { code: 'ETIMEDOUT', message: `no answer in ${this.bounds.connectMs / 1000} s` });
    const silence = this.bounds.watchSeconds * 1000 + SILENCE_GRACE_MS;
    const silent = { code: 'ETIMEDOUT', message: `the watch stream was silent for ${silence / 1000} s` };

    const open = async () => {
      const config = await this.bounds.config();
      const cluster = config.getCurrentCluster();
      if (!cluster) throw new Error('No currently active cluster');
      const url = new URL(cluster.server + path);
      url.searchParams.set('watch', 'true');
      for (const [key, value] of Object.entries(queryParams)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
      url.searchParams.set('timeoutSeconds', String(this.bounds.watchSeconds));
      url.searchParams.set('allowWatchBookmarks', 'true');
      const options: RequestOptions = { method: 'GET', headers: { accept: 'application/json' } };
      await config.applyToHTTPSOptions(options);
      if (controller.signal.aborted) return;
      const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
      const req = request(url, { ...options, signal: controller.signal }, (res) => {
        if (res.statusCode !== 200) {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const said = statusMessage(Buffer.concat(chunks).toString('utf8'));
            finish(new WatchFailure(failureOf({ code: res.statusCode }, said ? { message: said } : {})));
          });
          res.on('error', finish);
          return;
        }
        this.bounds.onOpen();
        arm(silence, silent);
        res.on('data', () => arm(silence, silent));
        const lines = createInterface({ input: res, crlfDelay: Infinity });
        // readline re-emits the stream's errors (a cut connection is "aborted"); the response's own listener reports them.
        lines.on('error', () => undefined);
        lines.on('line', (line) => {
          let event: { type?: unknown; object?: unknown };
          try {
            event = JSON.parse(line) as { type?: unknown; object?: unknown };
          } catch {
            return;
          }
          if (typeof event.type === 'string') callback(event.type, event.object, event);
        });
        // A stream the server ends (timeoutSeconds) is a clean end: the informer watches again from where it was.
        res.on('end', () => finish(null));
        res.on('error', (e) => finish(new WatchFailure(failureOf(e, {}))));
        res.on('close', () => finish(res.complete ? null : new WatchFailure({ code: 'ECONNRESET', message: 'the watch stream was cut' })));
      });
      req.on('error', (e) => finish(new WatchFailure(failureOf(e, {}))));
      req.end();
    };
    open().catch((e: unknown) => finish(new WatchFailure(failureOf(e, {}))));
    return Promise.resolve(controller);
  }
}
