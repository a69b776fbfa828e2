/**
 * Which export of a graph file is the graph to debug, and the load errors worded for the person who
 * wrote the file. Both engines list a module's graph exports their own way, then pick one here, so
 * the messages (several graphs, none, a wrong name) read the same whichever engine runs.
 */
import * as path from "node:path";

/** A build or load problem worded for the person who wrote the graph file. */
export class GraphLoadError extends Error {
  override name = "GraphLoadError";
}

/** The export named `wanted`, or the only graph export; otherwise an error that lists the choices. */
export function pickExport(names: string[], wanted: string | undefined, program: string): string {
  const file = path.basename(program);
  if (wanted !== undefined) {
    if (names.includes(wanted)) return wanted;
    const listed = names.length > 0 ? `its graphs are: ${names.join(", ")}` : "it exports no graph";
    throw new GraphLoadError(`${file} has no graph export named "${wanted}": ${listed}. Set \`graph\` in the launch configuration to one of them.`);
  }
  if (names.length === 1) return names[0];
  if (names.length === 0) {
    throw new GraphLoadError(
      `${file} exports no graph: export a StateGraph, a compiled graph (for example \`export const graph = workflow.compile()\`) ` +
        "or an agent that holds one (createAgent's).",
    );
  }
  throw new GraphLoadError(`${file} exports several graphs (${names.join(", ")}): set \`graph\` in the launch configuration to the one to debug.`);
}

/** The message of a module whose top-level code threw while loading. */
export function topLevelFailure(program: string, error: unknown): GraphLoadError {
  const stack = error instanceof Error ? error.stack ?? error.message : String(error);
  return new GraphLoadError(`Loading the graph file ${path.basename(program)} failed: its top-level code threw\n${stack}`);
}

interface BuildMessage {
  text: string;
  location?: { file: string; line: number; column: number } | null;
}

/**
 * An esbuild failure (a syntax error, an import esbuild cannot resolve) as the places and words of
 * each error; `explain` may reword a message the engine knows more about.
 */
export function describeBuildFailure(program: string, error: unknown, explain: (text: string) => string | undefined = () => undefined): string {
  const failure = error as { errors?: BuildMessage[]; message?: string };
  const messages = (failure.errors ?? []).map((message) => {
    const file = message.location ? path.resolve(path.dirname(program), message.location.file) : "";
    const where = message.location ? `${file}:${message.location.line}:${message.location.column + 1}: ` : "";
    return `  ${where}${explain(message.text) ?? message.text}`;
  });
  const details = messages.length > 0 ? messages.join("\n") : fromMessage(String(failure.message ?? error));
  return `Could not build the graph file ${path.basename(program)}:\n${details}`;
}

/** The `file:line:column: ERROR: text` lines of an esbuild message whose errors come only as text (tsx's transform). */
function fromMessage(message: string): string {
  const lines = [...message.matchAll(/^(.+:\d+:\d+): ERROR: (.*)$/gm)].map(([, where, text]) => `  ${where}: ${text}`);
  return lines.length > 0 ? lines.join("\n") : `  ${message}`;
}
