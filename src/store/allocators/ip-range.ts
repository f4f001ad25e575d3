import type { Random } from '../../core/random.js';
import { AllocationMap, calculateRangeOffset } from './allocation-map.js';
import { type AllocatorError, ipAllocated, ipFull, ipNotInRange } from './allocator-error.js';
import { cidrContains, formatIPv4, type IPv4Cidr, parseCidr, parseIPv4 } from './ipv4.js';

/**
 * The ClusterIP range of one Service CIDR: a port of pkg/registry/core/service/ipallocator
 * bitmap.go (`Range`), which v1.33 still runs beside the IPAddress allocator (dual write) and
 * whose allocation order the IPAddress allocator (ipallocator.go) repeats: a random start in the
 * upper band, a forward scan that wraps inside it, then the lower band.
 *
 * The network and broadcast addresses are never handed out. For 10.96.0.0/12 there are
 * 1,048,574 usable addresses; the first min(max(16, 2^20/16), 256) = 256 of them
 * (10.96.0.1-10.96.1.0) are the static subrange, so dynamic IPs come from 10.96.1.1 upward.
 */
export class IPRange {
  readonly cidr: IPv4Cidr;
  /** The first usable address (network + 1). */
  readonly base: number;
  /** How many addresses can be allocated. */
  readonly max: number;
  /** Size of the static subrange at the bottom of the range. */
  readonly offset: number;
  private readonly map: AllocationMap;

  constructor(cidr: string) {
    this.cidr = parseCidr(cidr);
    this.base = this.cidr.network + 1;
    this.max = Math.max(0, this.cidr.size - 2);
    this.offset = calculateIPRangeOffset(this.cidr.size);
    this.map = new AllocationMap(this.max, this.offset);
  }

  /** Reserves a specific address; an error if it is outside the range or already taken. */
  allocate(ip: string): AllocatorError | undefined {
    const index = this.indexOf(ip);
    if (index === undefined) return ipNotInRange(ip, this.cidr.text);
    return this.map.allocate(index) ? undefined : ipAllocated();
  }

  /** Reserves a free address, upper band first; an error when the range is full. */
  allocateNext(random: Random): string | AllocatorError {
    const index = this.map.allocateNext(random);
    return index === undefined ? ipFull() : formatIPv4(this.base + index);
  }

  /** Releases an address; releasing a free or foreign address is a no-op. */
  release(ip: string): void {
    const index = this.indexOf(ip);
    if (index !== undefined) this.map.release(index);
  }

  has(ip: string): boolean {
    const index = this.indexOf(ip);
    return index !== undefined && this.map.has(index);
  }

  get free(): number {
    return this.map.free;
  }

  get used(): number {
    return this.map.used;
  }

  /** Every allocated address, ascending. */
  *allocated(): IterableIterator<string> {
    for (const index of this.map.indexes()) yield formatIPv4(this.base + index);
  }

  /** The bitmap offset of an address, or undefined when it is not allocatable here. */
  private indexOf(ip: string): number | undefined {
    const n = parseIPv4(ip);
    if (n === undefined || !cidrContains(this.cidr, n)) return undefined;
    const index = n - this.base;
    return index >= 0 && index < this.max ? index : undefined;
  }
}

/** ipallocator calculateRangeOffset: min(max(16, cidrSize/16), 256), 0 for 16 addresses or fewer. */
export function calculateIPRangeOffset(cidrSize: number): number {
  return calculateRangeOffset(cidrSize, 16, 256, 16);
}
