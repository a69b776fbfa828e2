/**
 * What the controller reports, as DAP events: `stopped` with the reason in words, `continued`,
 * `output`, `terminated`, the custom `graphState` and `graph` (the graph's view changed), `invalidated` (to clients that asked for it) and
 * `process` with the runner's pid. Every move of the run drops the variable handles of the last
 * stop, so a stale handle can never edit the wrong checkpoint.
 */
import { ContinuedEvent, Event, InvalidatedEvent, OutputEvent, StoppedEvent } from "@vscode/debugadapter";
import type { DebugProtocol } from "@vscode/debugprotocol";
import type { GraphStateEvent, GraphView } from "../protocol/debug";
import type { ControllerEvents } from "./controller";
import type { StopInfo } from "./stop-reason";
import type { VariableStore } from "./variables";

export const THREAD_ID = 1;

export interface DapSink {
  send(event: DebugProtocol.Event): void;
  terminated(): void;
  supportsInvalidated(): boolean;
  program(): string;
}

export function dapEvents(sink: DapSink, variables: VariableStore): ControllerEvents {
  return {
    stopped: (stop: StopInfo) => {
      variables.reset();
      const event = new StoppedEvent(stop.reason, THREAD_ID) as DebugProtocol.StoppedEvent;
      event.body.description = stop.description;
      event.body.text = stop.exception?.description ?? stop.description;
      event.body.allThreadsStopped = true;
      if (stop.hitBreakpointIds) event.body.hitBreakpointIds = stop.hitBreakpointIds;
      sink.send(event);
    },
    continued: () => {
      variables.reset();
      sink.send(new ContinuedEvent(THREAD_ID, true));
    },
    terminated: () => sink.terminated(),
    output: (text, category) => sink.send(new OutputEvent(text, category)),
    graphState: (body: GraphStateEvent) => sink.send(new Event("graphState", body)),
    graphChanged: (graph: GraphView) => sink.send(new Event("graph", graph)),
    invalidated: () => {
      variables.reset();
      if (sink.supportsInvalidated()) sink.send(new InvalidatedEvent(["variables", "stacks"], THREAD_ID));
    },
    runnerStarted: (pid) => {
      sink.send(new Event("process", { name: sink.program(), systemProcessId: pid, isLocalProcess: true, startMethod: "launch" }));
    },
  };
}
