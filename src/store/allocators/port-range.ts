import type { Random } from '../../core/random.js';
import { AllocationMap, calculateRangeOffset } from './allocation-map.js';
import { type AllocatorError, portAllocated, portFull, portNotInRange } from './allocator-error.js';

/**
 * The NodePort range (pkg/registry/core/service/portallocator/allocator.go). With the default
 * 30000-32767 (2768 ports) the static subrange is min(max(16, 2768/32), 128) = 86 ports, so
 * dynamic NodePorts come from 30086-32767 first (KEP-3668, GA in 1.29).
 */
export class PortRange {
  readonly offset: number;
  private readonly map: AllocationMap;

  constructor(
    readonly base = 30000,
    readonly size = 2768,
  ) {
    this.offset = calculatePortRangeOffset(size);
    this.map = new AllocationMap(size, this.offset);
  }

  /** `30000-32767`, as net.PortRange prints itself. */
  toString(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.base && port < this.base + this.size;
  }

  /** Reserves a specific port; an error if it is outside the range or already taken. */
  allocate(port: number): AllocatorError | undefined {
    if (!this.contains(port)) return portNotInRange(this.toString());
    return this.map.allocate(port - this.base) ? undefined : portAllocated();
  }

  /** Reserves a free port, upper band first; an error when the range is full. */
  allocateNext(random: Random): number | AllocatorError {
    const index = this.map.allocateNext(random);
    return index === undefined ? portFull() : this.base + index;
  }

  /** Releases a port; releasing a free or foreign port is a no-op. */
  release(port: number): void {
    if (this.contains(port)) this.map.release(port - this.base);
  }

  has(port: number): boolean {
    return this.contains(port) && this.map.has(port - this.base);
  }

  get free(): number {
    return this.map.free;
  }

  get used(): number {
    return this.map.used;
  }

  /** Every allocated port, ascending. */
  *allocated(): IterableIterator<number> {
    for (const index of this.map.indexes()) yield this.base + index;
  }
}

/** portallocator calculateRangeOffset: min(max(16, size/32), 128), 0 for 16 ports or fewer. */
export function calculatePortRangeOffset(size: number): number {
  return calculateRangeOffset(size, 16, 128, 32);
}
