/**
 * The page's side of the layout worker. VS Code serves webview resources from another origin than
 * the webview document, and a Worker may only be started from a same-origin or blob: URL, so the
 * worker's code is fetched once and started from a blob: URL (the CSP allows `worker-src blob:` and
 * `connect-src` for the resource origin). Each layout is a request with an id; callers decide
 * whether an answer is stale.
 */
import type { LayoutAnswer, LayoutInput, LayoutResult } from "./model";

interface Waiting {
  resolve(answer: { result: LayoutResult; layoutMs: number }): void;
  reject(error: Error): void;
}

export class LayoutClient {
  private worker?: Promise<Worker>;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(private readonly workerUri: string) {}

  layout(input: LayoutInput): Promise<{ result: LayoutResult; layoutMs: number }> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(requestId, { resolve, reject });
      this.started().then(
        (worker) => worker.postMessage({ requestId, input }),
        (error: Error) => this.settle(requestId, error),
      );
    });
  }

  dispose(): void {
    void this.worker?.then((worker) => worker.terminate(), () => undefined);
    this.failAll(new Error("the panel closed"));
  }

  private started(): Promise<Worker> {
    this.worker ??= startWorker(this.workerUri, (answer) => this.onAnswer(answer), (error) => this.failAll(error));
    return this.worker;
  }

  private onAnswer(answer: LayoutAnswer): void {
    this.settle(answer.requestId, answer.ok ? answer : new Error(answer.error));
  }

  private settle(requestId: number, outcome: Error | { result: LayoutResult; layoutMs: number }): void {
    const waiting = this.waiting.get(requestId);
    if (!waiting) return;
    this.waiting.delete(requestId);
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve({ result: outcome.result, layoutMs: outcome.layoutMs });
  }

  private failAll(error: Error): void {
    for (const [requestId] of this.waiting) this.settle(requestId, error);
  }
}

async function startWorker(uri: string, onAnswer: (answer: LayoutAnswer) => void, onError: (error: Error) => void): Promise<Worker> {
  const response = await fetch(uri);
  if (!response.ok) throw new Error(`Could not load the layout worker from ${uri}: HTTP ${response.status}`);
  // A blob: URL has no base for the relative source map comment; point it at the real file instead.
  const code = (await response.text()).replace(/\/\/# sourceMappingURL=(\S+)\s*$/, (_m, map: string) => `//# sourceMappingURL=${new URL(map, uri).href}\n`);
  const blobUrl = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  const worker = new Worker(blobUrl, { name: "langgraph-layout" });
  worker.onmessage = (event: MessageEvent<LayoutAnswer>) => onAnswer(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onError(new Error(`The layout worker failed: ${event.message || "it could not start (is worker-src blob: allowed?)"}`));
  };
  return worker;
}
