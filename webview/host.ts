/**
 * The panel's line to the extension host: typed posts, requests that resolve with the host's reply
 * (or reject with its error, which the panel shows inline), and the saved view state. In VS Code,
 * `acquireVsCodeApi` is injected by the webview; the browser tests inject a recorder with the same
 * three methods.
 */
import type { HostToPanel, PanelReplyBodies, PanelRequest, PanelToHost } from "../src/protocol/panel";

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** A request as the panel writes it; the channel adds the id. */
export type RequestOf<T extends PanelRequest["type"]> = Omit<Extract<PanelRequest, { type: T }>, "requestId">;

const REPLY_TIMEOUT_MS = 60_000;

export class HostChannel {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  private readonly waiting = new Map<string, { resolve(body: unknown): void; reject(error: Error): void }>();
  private nextId = 1;

  constructor(private readonly onMessage: (message: HostToPanel) => void) {
    window.addEventListener("message", (event: MessageEvent) => this.receive(event.data));
  }

  post(message: PanelToHost): void {
    this.api.postMessage(message);
  }

  request<T extends PanelRequest["type"]>(message: RequestOf<T>): Promise<PanelReplyBodies[T]> {
    const requestId = `p${this.nextId++}`;
    return new Promise<PanelReplyBodies[T]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new Error("No answer from the debugger: is the debug session still running?"));
      }, REPLY_TIMEOUT_MS);
      this.waiting.set(requestId, {
        resolve: (body) => { clearTimeout(timer); resolve(body as PanelReplyBodies[T]); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      });
      this.post({ ...message, requestId } as unknown as PanelToHost);
    });
  }

  getState<T>(): T | undefined {
    return this.api.getState() as T | undefined;
  }

  setState(state: unknown): void {
    this.api.setState(state);
  }

  private receive(data: unknown): void {
    if (typeof data !== "object" || data === null || typeof (data as { type?: unknown }).type !== "string") return;
    const message = data as HostToPanel;
    if (message.type === "reply") {
      const waiting = this.waiting.get(message.requestId);
      if (!waiting) return;
      this.waiting.delete(message.requestId);
      if (message.ok) waiting.resolve(message.body);
      else waiting.reject(new Error(message.error));
      return;
    }
    this.onMessage(message);
  }
}
