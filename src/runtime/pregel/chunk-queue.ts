/**
 * The async iterator behind `stream()`: the run pushes chunks as they happen, the caller pulls
 * them with `for await`. An error in the run surfaces at the caller's next pull; breaking out of
 * the loop early simply stops reading.
 */
export class ChunkQueue implements AsyncIterableIterator<unknown> {
  private readonly chunks: unknown[] = [];
  private waiting?: { resolve: (r: IteratorResult<unknown>) => void; reject: (e: unknown) => void };
  private finished = false;
  private error?: unknown;

  push(chunk: unknown): void {
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value: chunk, done: false });
    } else {
      this.chunks.push(chunk);
    }
  }

  end(): void {
    this.finished = true;
    this.settleWaiting();
  }

  fail(error: unknown): void {
    this.error = error;
    this.finished = true;
    this.settleWaiting();
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.chunks.length > 0) return Promise.resolve({ value: this.chunks.shift(), done: false });
    if (this.error !== undefined) return Promise.reject(this.takeError());
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<unknown>> {
    this.chunks.length = 0;
    this.finished = true;
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<unknown> {
    return this;
  }

  private settleWaiting(): void {
    if (!this.waiting) return;
    const { resolve, reject } = this.waiting;
    this.waiting = undefined;
    if (this.error !== undefined) reject(this.takeError());
    else resolve({ value: undefined, done: true });
  }

  private takeError(): unknown {
    const error = this.error;
    this.error = undefined;
    return error;
  }
}
