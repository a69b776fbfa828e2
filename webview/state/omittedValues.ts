/**
 * The state of a checkpoint whose `graphState` event left it out for its size (`valuesOmitted`).
 * It is asked for with the `values` request twice: first with long strings cut, a small part of a
 * state of long messages that draws its rows at once, then whole, which editing needs. Only the
 * last checkpoint's is kept: it can be megabytes.
 */
import type { SnapshotView } from "../../src/protocol/debug";
import type { HostChannel } from "../host";
import { SHOWN_CHARS } from "./tree";

/** Characters kept of each string in the first answer: more than a row of the tree shows. */
const PREVIEW_CHARS = SHOWN_CHARS + 1;

export interface ShownValues {
  values: Record<string, unknown>;
  /** Strings were cut: look, but do not edit yet (the whole state is on its way). */
  partial: boolean;
}

export class OmittedValues {
  private held?: { key: string } & ShownValues;
  private asking?: string;

  constructor(private readonly host: HostChannel, private readonly changed: () => void, private readonly failed: (message: string) => void) {}

  /** The values to show for `snapshot`: its own, or what has arrived of them; undefined while nothing has. */
  of(snapshot: SnapshotView, checkpointNs: string): ShownValues | undefined {
    if (!snapshot.valuesOmitted) return { values: snapshot.values, partial: false };
    const key = `${checkpointNs}@${snapshot.checkpointId}`;
    if (this.held?.key === key) return this.held;
    if (this.asking !== key) void this.ask(key, snapshot.checkpointId, checkpointNs);
    return undefined;
  }

  private async ask(key: string, checkpointId: string, checkpointNs: string): Promise<void> {
    this.asking = key;
    const address = { checkpointId, ...(checkpointNs ? { checkpointNs } : {}) };
    try {
      const preview = await this.host.request<"values">({ type: "values", args: { ...address, clip: PREVIEW_CHARS } });
      if (this.asking !== key) return;
      this.hold(key, preview.values, preview.clipped);
      if (!preview.clipped) return;
      const whole = await this.host.request<"values">({ type: "values", args: address });
      if (this.asking === key) this.hold(key, whole.values, false);
    } catch (error) {
      if (this.asking === key) this.failed(`Could not read the state: ${(error as Error).message}`);
    } finally {
      if (this.asking === key) this.asking = undefined;
    }
  }

  private hold(key: string, values: Record<string, unknown>, partial: boolean): void {
    this.held = { key, values, partial };
    this.changed();
  }
}
