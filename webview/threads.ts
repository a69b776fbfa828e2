/**
 * The thread switcher in the toolbar: the store's threads, the current one selected. Choosing
 * another asks the host to `switchThread`; if that fails, the choice goes back and the reason shows
 * beside it.
 */
import { h, setMessage } from "./dom";
import type { HostChannel } from "./host";
import type { Store } from "./store";

export class ThreadSwitcher {
  readonly element: HTMLElement;
  private readonly select = h("vscode-single-select", { class: "thread-select", "aria-label": "Thread" }) as HTMLElement & { value: string };
  private readonly error = h("span", { class: "inline-error", role: "alert", hidden: true });
  private key = "";

  constructor(private readonly store: Store, private readonly host: HostChannel) {
    this.element = h("label", { class: "thread-field", hidden: true }, h("span", { class: "field-label" }, "thread"), this.select, this.error);
    this.select.addEventListener("change", () => void this.switchTo(this.select.value));
    store.on(["threads"], () => this.render());
  }

  private render(): void {
    const threads = this.store.data.threads;
    this.element.hidden = !threads?.threads.length;
    if (!threads) return;
    const key = JSON.stringify(threads);
    if (key === this.key) return;
    this.key = key;
    this.select.replaceChildren(...threads.threads.map((thread) =>
      h("vscode-option", { value: thread.threadId, selected: thread.threadId === threads.current }, thread.label ?? thread.threadId)));
    this.select.value = threads.current;
  }

  private async switchTo(threadId: string): Promise<void> {
    const current = this.store.data.threads?.current;
    if (!threadId || threadId === current) return;
    setMessage(this.error, undefined);
    try {
      await this.host.request<"switchThread">({ type: "switchThread", threadId });
    } catch (error) {
      if (current) this.select.value = current;
      setMessage(this.error, `Could not switch thread: ${(error as Error).message}`);
    }
  }
}
