import type { DnsAnswer, Gen } from '../effects.js';
import { type AppletContext, usage } from './types.js';

/**
 * busybox 1.36 nslookup (networking/nslookup.c with FEATURE_NSLOOKUP_BIG, the LEDE resolver busybox
 * images ship): its own DNS client, not libc's. It reads /etc/resolv.conf's `nameserver` and
 * `search` lines itself and ignores `options ndots:N`: add_query_with_search() applies the search
 * list only to a name WITHOUT a dot (one query per search domain, never the bare name), and sends a
 * name with a dot as it is. So from a pod, `nslookup my-nginx` finds
 * my-nginx.<ns>.svc.cluster.local, while `nslookup my-nginx.default` is NXDOMAIN (a libc resolver,
 * as wget uses, would find both). With no -type it asks A and AAAA for each name and prints every
 * reply: an answer block, `** server can't find NAME: NXDOMAIN`, or nothing for an empty (NODATA)
 * reply, each followed by an empty line; any NXDOMAIN makes the exit status 1, even when another
 * search domain answered.
 *
 * Simplified: replies are printed in query order (a real one prints them as they arrive over UDP,
 * usually but not always in that order); only A and AAAA queries (other -type values ask A and
 * AAAA); the cluster has no IPv6, so AAAA replies are empty; an IP address is looked up as a name
 * (busybox would ask for its PTR record); the cluster zone answers authoritatively, so there is no
 * `Non-authoritative answer:` line.
 */

const USAGE = 'nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]';
const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

type QueryType = 'A' | 'AAAA';

interface Query {
  readonly type: QueryType;
  readonly name: string;
}

interface Resolver {
  readonly servers: string[];
  /** The `search` line (else `domain`, else the hostname's domain), split; empty for none. */
  readonly search: string[];
}

/** parse_resolvconf: the nameservers in order, and the last search (or domain) line's words. */
export function parseResolvConf(text: string, hostname: string): Resolver {
  const servers: string[] = [];
  let search: string | undefined;
  let haveSearch = false;
  for (const line of text.split('\n')) {
    const m = /^[ \t]*(\S+)[ \t]+(.*)$/.exec(line);
    if (!m) continue;
    const [, key, arg] = m as unknown as [string, string, string];
    if (key === 'domain') {
      if (!haveSearch) search = arg;
    } else if (key === 'search') {
      haveSearch = true;
      search = arg;
    } else if (key === 'nameserver') {
      servers.push(arg.trim());
    }
  }
  if (search === undefined) {
    const dot = hostname.indexOf('.');
    if (dot >= 0) search = hostname.slice(dot + 1);
  }
  // "domain ." means no search at all.
  if (search === '.') search = undefined;
  return { servers, search: (search ?? '').split(/[ \t]+/).filter((s) => s !== '') };
}

/** add_query_with_search: the names asked for `name`, in the order they are sent. */
export function queriesFor(name: string, types: readonly QueryType[], search: readonly string[]): Query[] {
  const out: Query[] = [];
  for (const type of types) {
    if (search.length === 0 || name.includes('.')) out.push({ type, name });
    else for (const domain of search) out.push({ type, name: `${name}.${domain}` });
  }
  return out;
}

/** xmalloc_sockaddr2dotted: the server's address with the port (`10.96.0.10:53`, `[::1]:53`). */
function dotted(server: string, port: number): string {
  return server.includes(':') ? `[${server}]:${port}` : `${server}:${port}`;
}

export function* nslookup(ctx: AppletContext): Gen<number> {
  const args = ctx.argv.slice(1);
  let types: QueryType[] = [];
  let port = 53;
  let timeoutSeconds = 5;
  while (args[0]?.startsWith('-')) {
    const opt = args.shift()!.slice(1);
    const eq = opt.indexOf('=');
    const key = eq < 0 ? opt : opt.slice(0, eq);
    const val = eq < 0 ? '' : opt.slice(eq + 1);
    if (!OPTIONS.includes(key)) return usage(ctx, USAGE);
    if (key === 'type' || key === 'querytype') {
      const type = val.toUpperCase();
      if (!['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'PTR', 'ANY'].includes(type)) {
        ctx.fds.stderr.write(`nslookup: invalid query type "${val}"\n`);
        return 1;
      }
      if (type === 'A' || type === 'AAAA') types.push(type);
    } else if (key === 'port') port = Number(val) || 53;
    else if (key === 't' || key === 'timeout') timeoutSeconds = Number(val) || timeoutSeconds;
  }
  const name = args[0];
  if (name === undefined || args.length > 2) return usage(ctx, USAGE);
  if (types.length === 0) types = ['A', 'AAAA'];

  let resolver: Resolver = { servers: [], search: [] };
  if (args[1] !== undefined) {
    resolver = { servers: [args[1]], search: [] };
  } else {
    let text = '';
    try {
      text = ctx.sys.fs.readFile('/etc/resolv.conf');
    } catch {
      text = '';
    }
    resolver = parseResolvConf(text, ctx.sys.hostname);
    if (resolver.servers.length === 0) resolver.servers.push('127.0.0.1');
  }
  // An explicit server does not read resolv.conf, so no search list either (G.search unset).
  const search = args[1] === undefined ? resolver.search : [];
  const queries = IPV4.test(name) ? [{ type: 'A' as const, name }] : queriesFor(name, types, search);

  const server = resolver.servers[0]!;
  let out = '';
  let exitCode = 0;
  let replies = 0;
  for (const q of queries) {
    // A trailing dot makes the name absolute: the driver sends it as it is, without a search list.
    const absolute = IPV4.test(q.name) ? q.name : `${q.name}.`;
    const answer = (yield {
      type: 'dns',
      request: { name: absolute, timeoutMs: timeoutSeconds * 1000 },
    }) as DnsAnswer;
    if (answer.type === 'error' && answer.error === 'timeout') break;
    if (replies++ === 0) out += `Server:\t\t${server}\nAddress:\t${dotted(server, port)}\n\n`;
    if (answer.type === 'error' || (answer.addresses.length === 0 && q.type === 'A')) {
      out += `** server can't find ${q.name}: NXDOMAIN\n`;
      exitCode = 1;
    } else {
      const wanted = answer.addresses.filter((a) => (q.type === 'AAAA') === a.includes(':'));
      for (const a of wanted) out += `Name:\t${answer.name}\nAddress: ${a}\n`;
    }
    out += '\n';
  }
  if (replies === 0) {
    ctx.fds.stdout.write(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  if (replies < queries.length) {
    for (const q of queries.slice(replies)) out += `*** Can't find ${q.name}: No answer\n`;
    out += '\n';
  }
  ctx.fds.stdout.write(out);
  return exitCode;
}
