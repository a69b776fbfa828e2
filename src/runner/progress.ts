/**
 * Tells the adapter which tasks are running, without a message per change: a task's start is sent
 * at once (a node that then holds the event loop is still known by name), while the ends of tasks
 * are folded into the next report, sent by the next start or after `PROGRESS_INTERVAL_MS`. A graph
 * of fast steps thus costs one message per step.
 */
import { PROGRESS_INTERVAL_MS, RunnerEvents } from "../protocol/runner";

export type ProgressSink = (body: RunnerEvents["progress"]) => void;

export class ProgressReporter {
  private readonly running = new Map<string, string>();
  private step = 0;
  private lastSent = "";
  private trailing: NodeJS.Timeout | undefined;

  constructor(private readonly send: ProgressSink) {}

  started(taskId: string, name: string): void {
    if (this.running.size === 0) this.step += 1;
    this.running.set(taskId, name);
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = undefined;
    this.flush();
  }

  finished(taskId: string): void {
    this.running.delete(taskId);
    this.changed();
  }

  /** The run ended: nothing runs any more, and no report is pending. */
  idle(): void {
    this.running.clear();
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = undefined;
    this.flush();
  }

  private changed(): void {
    if (this.trailing) return;
    this.trailing = setTimeout(() => {
      this.trailing = undefined;
      this.flush();
    }, PROGRESS_INTERVAL_MS);
  }

  private flush(): void {
    const running = [...this.running.values()];
    const key = running.join("\n");
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.send({ step: this.step, running });
  }
}
