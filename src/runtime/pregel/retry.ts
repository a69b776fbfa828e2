/**
 * A node's retry policy (`addNode(name, fn, { retryPolicy })`), as LangGraph.js applies it: when
 * the node throws, it runs again after a growing pause, up to `maxAttempts` runs in all, unless
 * `retryOn` (by default: not for a cancellation, a graph value error or an HTTP 4xx answer) says
 * the error is final. An interrupt, a breakpoint or a command for the parent graph is never retried, and a run that is stopped
 * (its signal aborted) ends the waiting at once.
 */
import { isGraphInterrupt, isParentCommand } from "../errors";

export interface RetryPolicy {
  /** Runs in all, the first one included (default 3). */
  maxAttempts?: number;
  /** Milliseconds before the first retry (default 500), multiplied by `backoffFactor` (default 2) each time, at most `maxInterval` (default 128000). */
  initialInterval?: number;
  backoffFactor?: number;
  maxInterval?: number;
  /** Add up to a second at random to each pause (default true). */
  jitter?: boolean;
  retryOn?: (error: unknown) => boolean;
  /** Print a line before each retry (default true). */
  logWarning?: boolean;
}

const NO_RETRY_STATUS = [400, 401, 402, 403, 404, 405, 406, 407, 409];

function retryByDefault(error: unknown): boolean {
  const e = error as { name?: string; message?: string; code?: string; status?: number; response?: { status?: number }; error?: { code?: string } };
  if (e?.name === "AbortError" || e?.message?.startsWith("Cancel") || e?.message?.startsWith("AbortError")) return false;
  if (e?.name === "GraphValueError" || e?.code === "ECONNABORTED" || e?.error?.code === "insufficient_quota") return false;
  const status = e?.response?.status ?? e?.status;
  return !(status && NO_RETRY_STATUS.includes(Number(status)));
}

/** Runs `attempt` under `policy` (once, without one: the common case costs nothing more). */
export function withRetries<T>(policy: RetryPolicy | undefined, node: string, signal: AbortSignal | undefined, attempt: (n: number) => T | Promise<T>): T | Promise<T> {
  return policy ? retrying(policy, node, signal, attempt) : attempt(1);
}

async function retrying<T>(policy: RetryPolicy, node: string, signal: AbortSignal | undefined, attempt: (n: number) => T | Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (isGraphInterrupt(error) || isParentCommand(error) || signal?.aborted || n >= (policy.maxAttempts ?? 3) || !(policy.retryOn ?? retryByDefault)(error)) throw error;
      const interval = Math.min(policy.maxInterval ?? 128_000, (policy.initialInterval ?? 500) * (policy.backoffFactor ?? 2) ** (n - 1));
      const pause = (policy.jitter ?? true) ? interval + Math.random() * 1000 : interval;
      if (policy.logWarning ?? true) console.log(`Retrying task "${node}" after ${pause.toFixed(2)}ms (attempt ${n}) after ${(error as Error)?.name ?? "Error"}: ${String(error)}`);
      await sleep(pause, signal);
      if (signal?.aborted) throw error;
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
