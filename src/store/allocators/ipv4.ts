/** IPv4 addresses as unsigned 32-bit numbers (the simulated cluster is single-stack IPv4). */

/** Parses a dotted quad; undefined for anything else (IPv6, leading zeros, out-of-range octets). */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

export function formatIPv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** True for text that looks like an IPv6 address (it has a colon). */
export function isIPv6String(text: string): boolean {
  return text.includes(':');
}

/** A parsed `a.b.c.d/n` prefix. */
export interface IPv4Cidr {
  /** The canonical text, with the host bits cleared: `10.96.0.0/12`. */
  readonly text: string;
  /** The network address. */
  readonly network: number;
  readonly bits: number;
  /** 2^(32-bits): every address of the prefix, network and broadcast included. */
  readonly size: number;
}

export function parseCidr(text: string): IPv4Cidr {
  const [ip, bitsText] = text.split('/');
  const addr = parseIPv4(ip ?? '');
  const bits = Number(bitsText);
  if (addr === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) {
    throw new Error(`invalid IPv4 CIDR ${JSON.stringify(text)}`);
  }
  const size = 2 ** (32 - bits);
  const network = addr - (addr % size);
  return { text: `${formatIPv4(network)}/${bits}`, network, bits, size };
}

/** Whether the prefix holds the address at all. */
export function cidrContains(cidr: IPv4Cidr, ip: number): boolean {
  return ip >= cidr.network && ip < cidr.network + cidr.size;
}

/**
 * pkg/api/servicecidr PrefixContainsIP: inside the prefix and neither its network address nor
 * (IPv4) its broadcast address, the only addresses a ServiceCIDR can hand out.
 */
export function prefixContainsIP(cidr: IPv4Cidr, ip: number): boolean {
  return ip > cidr.network && ip < cidr.network + cidr.size - 1;
}
