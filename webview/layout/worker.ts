/**
 * The layout worker: runs ELK's layered algorithm off the panel's UI thread. It receives a
 * LayoutRequest (boxes already measured by the page), answers with positions and routes, and times
 * the layout itself so the benchmark can tell worker time from message overhead. ELK's bundled build
 * runs its engine synchronously in whatever thread loads it, which here is this worker.
 */
import ELK from "elkjs/lib/elk.bundled.js";
import { fromElkGraph, toElkGraph, type LayoutAnswer, type LayoutRequest } from "./model";

declare const self: {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutAnswer): void;
};

const elk = new ELK();

async function layout(request: LayoutRequest): Promise<LayoutAnswer> {
  const started = performance.now();
  try {
    const laidOut = await elk.layout(toElkGraph(request.input));
    return { requestId: request.requestId, ok: true, result: fromElkGraph(laidOut), layoutMs: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
    return { requestId: request.requestId, ok: false, error: `ELK layout failed: ${message}` };
  }
}

// elk.bundled.js installs its own message handler when loaded in a worker; ours replaces it.
self.onmessage = (event) => {
  void layout(event.data).then((answer) => self.postMessage(answer));
};
