/**
 * The CNI host-local IPAM of one node: addresses of the node's pod CIDR handed out from `.2`
 * upward (`.1` is the bridge's gateway), continuing after the last one handed out and wrapping
 * at the end of the range, so a freed address is not reused at once.
 */
export class HostLocalIPAM {
  private readonly base: number;
  private readonly first: number;
  private readonly last: number;
  private cursor: number;
  private readonly inUse = new Map<number, string>();

  /** `cidr` is the node's spec.podCIDR, e.g. `10.244.0.0/24`. */
  constructor(cidr: string) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    if (!m) throw new Error(`invalid pod CIDR ${cidr}`);
    const bits = Number(m[5]);
    const addr = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
    const size = 2 ** (32 - bits);
    this.base = addr - (addr % size);
    this.first = 2;
    this.last = size - 2; // the broadcast address is not handed out
    this.cursor = this.first - 1;
  }

  /** The next free address for `owner` (a pod uid), or undefined when the range is full. */
  allocate(owner: string): string | undefined {
    const span = this.last - this.first + 1;
    for (let i = 0; i < span; i++) {
      const candidate = this.cursor >= this.last ? this.first : this.cursor + 1;
      this.cursor = candidate;
      if (!this.inUse.has(candidate)) {
        this.inUse.set(candidate, owner);
        return this.format(candidate);
      }
    }
    return undefined;
  }

  release(ip: string): void {
    const parts = ip.split('.').map(Number);
    const addr = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
    this.inUse.delete(addr - this.base);
  }

  get used(): number {
    return this.inUse.size;
  }

  private format(offset: number): string {
    const a = this.base + offset;
    return [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255].join('.');
  }
}
