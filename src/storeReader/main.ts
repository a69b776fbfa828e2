/**
 * The store-reader process: started by the extension with `fork` to read checkpoint stores for the
 * Checkpoints view and the graph panel, so that neither a long read (a 30,000-step thread) nor any
 * code of the workspace ever runs in the extension host. It answers requests on the IPC channel
 * (src/protocol/storeReader.ts) one by one and exits when the extension lets go of it.
 */
import type { StoreReaderRequest, StoreReaderResponse } from "../protocol/storeReader";
import { historyPage, listThreads } from "./reader";

async function answer(request: StoreReaderRequest): Promise<unknown> {
  switch (request.method) {
    case "listThreads":
      return listThreads(request.params.checkpointDir);
    case "history": {
      const { checkpointDir, threadId, limit, before } = request.params;
      return historyPage(checkpointDir, threadId, limit, before);
    }
    default:
      throw new Error(`Unknown store-reader request ${JSON.stringify((request as { method: unknown }).method)}.`);
  }
}

function send(response: StoreReaderResponse): void {
  if (process.connected) process.send?.(response);
}

process.on("message", (request: StoreReaderRequest) => {
  answer(request).then(
    (result) => send({ id: request.id, ok: true, result }),
    (error: unknown) => send({ id: request.id, ok: false, error: (error as Error).message ?? String(error) }),
  );
});
// The extension closed the channel (idle, or it is going away): nothing is left to do.
process.on("disconnect", () => process.exit(0));
