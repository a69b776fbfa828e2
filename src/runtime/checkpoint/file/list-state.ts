/**
 * List channels in memory. A chat thread's message list grows by a message per step; keeping a
 * full copy per checkpoint would cost memory quadratic in the thread's length. A ListState is a
 * window (the first `length` items) on a backing array that checkpoints of one line of history
 * share: appending to the newest window pushes onto the backing array, and only a fork (a second
 * child of one checkpoint) copies. `origins` holds, beside each item, the object the caller gave
 * us for it, so the next step's list is recognised as "the same items plus one" by reference
 * without comparing contents.
 */

export class ListState {
  constructor(
    private readonly items: unknown[],
    private readonly origins: unknown[],
    readonly length: number,
  ) {}

  static of(items: unknown[], origins: unknown[]): ListState {
    return new ListState(items, origins, items.length);
  }

  item(index: number): unknown {
    return this.items[index];
  }

  /** The list of a child checkpoint: my first `keep` items, then `add`. */
  withTail(keep: number, add: unknown[], addOrigins: unknown[]): ListState {
    if (keep > this.length) throw new RangeError(`keeps ${keep} items of a list of ${this.length}`);
    let items = this.items;
    let origins = this.origins;
    if (keep !== items.length) {
      items = items.slice(0, keep);
      origins = origins.slice(0, keep);
    }
    for (let i = 0; i < add.length; i++) {
      items.push(add[i]);
      origins.push(addOrigins[i]);
    }
    return new ListState(items, origins, keep + add.length);
  }

  /** How many leading items of `list` are mine: same object, same origin, or same JSON. */
  commonPrefix(list: unknown[], sameJson: (a: unknown, b: unknown) => boolean): number {
    const limit = Math.min(this.length, list.length);
    let i = 0;
    while (i < limit && (list[i] === this.items[i] || list[i] === this.origins[i] || sameJson(list[i], this.items[i]))) i++;
    return i;
  }

  /** A fresh array the caller may keep (its items are shared: treat them as read-only). */
  toArray(): unknown[] {
    return this.items.slice(0, this.length);
  }
}
