/**
 * `compile({debug: true})`: print each step's tasks and checkpoints to the console as the run goes,
 * in a few readable lines, as LangGraph's debug flag does.
 */
import { StreamMode } from "../types";
import { Engine } from "./engine";
import { Emitter, createEmitter } from "./stream-events";

interface DebugEvent {
  step: number;
  type: string;
  payload: { name?: string; next?: string[]; values?: unknown; result?: unknown; error?: unknown };
}

export function debugPrinter(_engine: Engine): Emitter {
  return createEmitter(new Set<StreamMode>(["debug"]), (_mode, chunk) => {
    const event = chunk as DebugEvent;
    const { payload } = event;
    if (event.type === "task") console.log(`[${event.step}:tasks] Starting task ${payload.name}`);
    else if (event.type === "task_result") {
      const outcome = payload.error ? `failed: ${JSON.stringify(payload.error)}` : `wrote ${JSON.stringify(payload.result)}`;
      console.log(`[${event.step}:writes] Task ${payload.name} ${outcome}`);
    } else {
      console.log(`[${event.step}:checkpoint] State: ${JSON.stringify(payload.values)} next: ${JSON.stringify(payload.next)}`);
    }
  });
}
