import type { Random } from '../../core/random.js';

/**
 * A contiguous block of items (IP offsets, ports) that can be reserved one by one: a port of
 * pkg/registry/core/service/allocator/bitmap.go `NewAllocationMapWithOffset` with its
 * `randomScanStrategyWithOffset`.
 *
 * The range is split at `offset`: items below it are the static subrange, kept for values users
 * ask for by number. Dynamic allocation starts at a random item of the upper subrange and scans
 * forward (wrapping inside the upper subrange); only when that is full does it try the lower one
 * the same way. Example, NodePorts 30000-32767: max 2768, offset 86, so `allocateNext` hands out
 * 30086-32767 first.
 */
export class AllocationMap {
  /** One bit per item, 32 items a word, so a scan can skip full words. */
  private readonly words: Uint32Array;
  private count = 0;

  constructor(
    readonly max: number,
    readonly offset: number,
  ) {
    this.words = new Uint32Array(Math.ceil(Math.max(0, max) / 32));
  }

  /** Reserves the item at `index`; false if it was already taken. */
  allocate(index: number): boolean {
    if (this.has(index)) return false;
    this.set(index);
    return true;
  }

  /**
   * Reserves a free item chosen as upstream does: a random start in [offset, max), the first
   * free item from there (wrapping inside that band), else the same in [0, offset). Undefined
   * when the range is full.
   */
  allocateNext(random: Random): number | undefined {
    if (this.count >= this.max) return undefined;
    const upper = this.max - this.offset;
    if (upper > 0) {
      const start = this.offset + random.int(upper);
      const at = this.firstFree(start, this.max) ?? this.firstFree(this.offset, start);
      if (at !== undefined) return this.set(at);
    }
    if (this.offset > 0) {
      const start = random.int(this.offset);
      const at = this.firstFree(start, this.offset) ?? this.firstFree(0, start);
      if (at !== undefined) return this.set(at);
    }
    return undefined;
  }

  /** Frees an item; freeing a free item is a no-op. */
  release(index: number): void {
    if (!this.has(index)) return;
    this.words[index >>> 5]! &= ~(1 << (index & 31));
    this.count--;
  }

  has(index: number): boolean {
    if (index < 0 || index >= this.max) return false;
    return (this.words[index >>> 5]! & (1 << (index & 31))) !== 0;
  }

  /** Items left. */
  get free(): number {
    return this.max - this.count;
  }

  /** Items taken. */
  get used(): number {
    return this.count;
  }

  /** Every taken index, ascending. */
  *indexes(): IterableIterator<number> {
    for (let i = 0; i < this.max; i++) if (this.has(i)) yield i;
  }

  private set(index: number): number {
    this.words[index >>> 5]! |= 1 << (index & 31);
    this.count++;
    return index;
  }

  /** The lowest free index in [from, to), skipping whole words that are full. */
  private firstFree(from: number, to: number): number | undefined {
    let i = from;
    while (i < to) {
      if ((i & 31) === 0 && this.words[i >>> 5] === 0xffffffff) {
        i += 32;
        continue;
      }
      if (!this.has(i)) return i;
      i++;
    }
    return undefined;
  }
}

/**
 * `min(max(lo, size/step), hi)`, never less than `lo` nor more than `hi`, and 0 for ranges of
 * `lo` items or fewer: the size of the static subrange (KEP-3070 for Service IPs with 16/256/16,
 * KEP-3668 for NodePorts with 16/128/32).
 */
export function calculateRangeOffset(size: number, lo: number, hi: number, step: number): number {
  if (size <= lo) return 0;
  const offset = Math.floor(size / step);
  if (offset < lo) return lo;
  if (offset > hi) return hi;
  return offset;
}
