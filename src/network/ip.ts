/** Small IP helpers for the simulated network (IPv4 cluster; IPv6 only for `::1`). */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

/** A loose IPv6 check: hex groups and colons (enough to tell `::1` from a host name). */
export function isIPv6(text: string): boolean {
  return text.includes(':') && /^[0-9a-f:.]+$/i.test(text);
}

export function isIP(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

/** The loopback addresses a client on the same machine reaches itself through. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function toNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** Whether an IPv4 address lies in a CIDR (`10.244.1.0/24`). */
export function inCIDR(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/') as [string, string | undefined];
  if (!isIPv4(ip) || !isIPv4(base)) return false;
  const size = 2 ** (32 - Number(bits ?? 32));
  const start = toNumber(base) - (toNumber(base) % size);
  const n = toNumber(ip);
  return n >= start && n < start + size;
}

/** CoreDNS's pod record name part: `10.244.1.5` ↔ `10-244-1-5`. */
export function dashedIP(label: string): string | undefined {
  const ip = label.replaceAll('-', '.');
  return isIPv4(ip) ? ip : undefined;
}
