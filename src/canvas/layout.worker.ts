import { layoutHandler, type LayoutRequest } from './layoutWorkerCore';

export type { LayoutReply, LayoutRequest } from './layoutWorkerCore';

// Packing is synchronous; it runs here so that a 5,000-task estate never holds up the page's own thread.
const handle = layoutHandler();
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(handle(event.data));
};
