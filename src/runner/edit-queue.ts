/**
 * Edits to one thread, one after the other. An edit reads the thread's head and writes a new
 * checkpoint after it; two edits running at once would both read the same head, each write a
 * sibling of it (a fork), and the newest state would hold only one of them. Queued per thread,
 * the second edit reads the checkpoint the first one wrote. Edits to different threads still run
 * side by side, and an edit that fails does not hold up the ones behind it.
 */

const tails = new Map<string, Promise<unknown>>();

/** Runs `edit` once every edit queued before it on `threadId` has settled. */
export function queueEdit<T>(threadId: string, edit: () => Promise<T>): Promise<T> {
  const result = (tails.get(threadId) ?? Promise.resolve()).then(edit);
  const tail = result.catch(() => undefined);
  tails.set(threadId, tail);
  void tail.then(() => {
    if (tails.get(threadId) === tail) tails.delete(threadId);
  });
  return result;
}
