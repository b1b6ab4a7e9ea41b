// A small least-recently-used cache: formulas are compiled and hover previews computed again only when
// the text or the settings change, and memory stays bounded however many formulas a person meets.

/** Map with a capacity; reading or writing an entry makes it the most recent. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether `key` is cached (does not change recency). */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The cached value without changing its recency, or undefined. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** The cached value (now most recent), or undefined. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value` as most recent, evicting the least recent entry when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  /** Drops every entry. */
  clear(): void {
    this.entries.clear();
  }
}
