import type { Gen, HttpAnswer, HttpRequest, TcpAnswer } from '../effects.js';
import { VfsError } from '../vfs.js';
import { type AppletContext, usage } from './types.js';

/**
 * Network applets. They never open a socket: each request is an effect answered by the driver
 * from the simulated cluster network (Services, endpoints, pods' listeners).
 */

/** HTTP reason phrases (Go's http.StatusText), by status code. */
export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  418: "I'm a teapot",
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase servers send with a status (Go's http.StatusText, nginx agree). */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

export interface ParsedUrl {
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

/** busybox `parse_url`: scheme optional (http), `[user@]host[:port][/path]`, IPv6 in brackets. */
export function parseUrl(url: string): ParsedUrl | undefined {
  const m =
    /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]*)(?::(\d*))?([/?][^#]*)?/.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const host = m[2]!.replace(/^\[|\]$/g, '');
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = `/${path}`;
  return { scheme, host, port, path };
}

interface WgetOptions {
  quiet: boolean;
  output?: string;
  spider: boolean;
  timeoutMs: number;
  headers: Record<string, string>;
  showHeaders: boolean;
  prefix?: string;
  urls: string[];
}

function parseWgetArgs(args: readonly string[]): WgetOptions | string {
  const o: WgetOptions = {
    quiet: false,
    spider: false,
    timeoutMs: 900_000,
    headers: {},
    showHeaders: false,
    urls: [],
  };
  const withArg = new Set(['O', 'T', 'U', 'P', 'Y', 't', 'o', 'e']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const value = (): string => inline ?? args[++i] ?? '';
      switch (name) {
        case 'quiet':
          o.quiet = true;
          break;
        case 'spider':
          o.spider = true;
          break;
        case 'output-document':
          o.output = value();
          break;
        case 'timeout':
          o.timeoutMs = Number(value()) * 1000;
          break;
        case 'header': {
          const h = value();
          const c = h.indexOf(':');
          if (c > 0) o.headers[h.slice(0, c).trim()] = h.slice(c + 1).trim();
          break;
        }
        case 'user-agent':
          o.headers['User-Agent'] = value();
          break;
        case 'directory-prefix':
          o.prefix = value();
          break;
        case 'server-response':
          o.showHeaders = true;
          break;
        case 'tries':
        case 'post-data':
        case 'post-file':
        case 'output-file':
          value();
          break;
        case 'no-check-certificate':
        case 'continue':
        case 'no-verbose':
          break;
        default:
          return `unrecognized option '--${name}'`;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (withArg.has(f)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return `option requires an argument -- '${f}'`;
          if (f === 'O') o.output = v;
          else if (f === 'T') o.timeoutMs = Number(v) * 1000;
          else if (f === 'U') o.headers['User-Agent'] = v;
          else if (f === 'P') o.prefix = v;
          break;
        }
        if (f === 'q') o.quiet = true;
        else if (f === 'S') o.showHeaders = true;
        else if (f === 'c' || f === 's' || f === 'v' || f === 'n') continue;
        else return `invalid option -- '${f}'`;
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}

/** busybox `progress_meter` at 100%, as it ends up in a log. */
function progressLine(name: string, size: number): string {
  const shown =
    size < 100_000
      ? String(size)
      : size < 100_000 * 1024
        ? `${Math.round(size / 1024)}k`
        : `${Math.round(size / 1048576)}M`;
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${shown.padStart(5)}  0:00:00 ETA\n`;
}

/**
 * busybox wget: `-q`, `-O FILE|-`, `-T SEC`, `--spider`, `--header`, `-U`, `-S`; follows up to
 * five redirects; statuses other than 2xx (except 205) and redirects are
 * `wget: server returned error: HTTP/1.1 404 Not Found`, exit 1.
 */
export function* wget(ctx: AppletContext): Gen<number> {
  const parsed = parseWgetArgs(ctx.argv.slice(1));
  if (typeof parsed === 'string') {
    ctx.fds.stderr.write(`wget: ${parsed}\n`);
    return usage(
      ctx,
      'wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...',
    );
  }
  if (parsed.urls.length === 0) {
    return usage(
      ctx,
      'wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...',
    );
  }
  const err = ctx.fds.stderr;
  for (const url of parsed.urls) {
    const first = parseUrl(url);
    if (!first) {
      err.write(`wget: not an http or ftp url: ${url}\n`);
      return 1;
    }
    let target: ParsedUrl = first;
    let answer: HttpAnswer;
    let redirects = 0;
    for (;;) {
      const request: HttpRequest = {
        url: `${target.scheme}://${target.host}:${target.port}${target.path}`,
        scheme: target.scheme,
        host: target.host,
        port: target.port,
        path: target.path,
        method: 'GET',
        headers: { 'User-Agent': 'Wget', ...parsed.headers },
        timeoutMs: parsed.timeoutMs,
      };
      answer = (yield { type: 'http', request }) as HttpAnswer;
      if (answer.type === 'error') {
        if (answer.error === 'unresolvable') err.write(`wget: bad address '${target.host}'\n`);
        else if (answer.error === 'timeout') {
          if (!parsed.quiet)
            err.write(`Connecting to ${target.host} (${answer.address ?? target.host}:${target.port})\n`);
          err.write('wget: download timed out\n');
        } else {
          if (!parsed.quiet)
            err.write(`Connecting to ${target.host} (${answer.address ?? target.host}:${target.port})\n`);
          const why =
            answer.error === 'refused'
              ? 'Connection refused'
              : answer.error === 'unreachable'
                ? 'No route to host'
                : 'Connection reset by peer';
          err.write(
            answer.error === 'reset'
              ? `wget: error getting response: ${why}\n`
              : `wget: can't connect to remote host (${answer.address ?? target.host}): ${why}\n`,
          );
        }
        return 1;
      }
      if (!parsed.quiet)
        err.write(`Connecting to ${target.host} (${answer.address ?? target.host}:${target.port})\n`);
      if (parsed.showHeaders) {
        err.write(`  HTTP/1.1 ${answer.status} ${reasonPhrase(answer.status)}\n`);
        for (const [k, v] of Object.entries(answer.headers ?? {})) err.write(`  ${k}: ${v}\n`);
      }
      const location = Object.entries(answer.headers ?? {}).find(
        ([k]) => k.toLowerCase() === 'location',
      )?.[1];
      if ([300, 301, 302, 303, 307, 308].includes(answer.status) && location !== undefined) {
        if (++redirects > 5) {
          err.write('wget: too many redirections\n');
          return 1;
        }
        const next: ParsedUrl | undefined = location.startsWith('/')
          ? { ...target, path: location }
          : parseUrl(location);
        if (!next) {
          err.write(`wget: not an http or ftp url: ${location}\n`);
          return 1;
        }
        target = next;
        continue;
      }
      break;
    }
    if (answer.type !== 'response') return 1;
    const okStatus = (answer.status >= 200 && answer.status <= 204) || answer.status === 206;
    if (!okStatus) {
      err.write(
        `wget: server returned error: HTTP/1.1 ${answer.status} ${reasonPhrase(answer.status)}\n`.replace(
          / \n$/,
          '\n',
        ),
      );
      return 1;
    }
    if (parsed.spider) {
      if (!parsed.quiet) err.write('remote file exists\n');
      continue;
    }
    const body = answer.body ?? '';
    const toStdout = parsed.output === '-';
    const name = parsed.output ?? (target.path.split('?')[0]!.split('/').pop() || 'index.html');
    if (toStdout) {
      if (!parsed.quiet) err.write('writing to stdout\n');
      ctx.fds.stdout.write(body);
      if (!parsed.quiet) err.write(`${progressLine('-', body.length)}written to stdout\n`);
      continue;
    }
    const file = parsed.prefix && !parsed.output ? `${parsed.prefix}/${name}` : name;
    const path = ctx.sys.resolve(file);
    if (parsed.output === undefined && ctx.sys.fs.exists(path)) {
      err.write(`wget: can't open '${file}': File exists\n`);
      return 1;
    }
    if (!parsed.quiet) err.write(`saving to '${file}'\n`);
    if (path === '/dev/null') {
      // discarded
    } else {
      try {
        ctx.sys.fs.writeFile(path, body);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        err.write(`wget: can't open '${file}': ${e.reason}\n`);
        return 1;
      }
    }
    if (!parsed.quiet) err.write(`${progressLine(name, body.length)}'${file}' saved\n`);
  }
  return 0;
}

/**
 * busybox nc (nc 1.10 compatible): `-z` only connects; `-v` reports `open` or the error;
 * `-w N` limits the connect time. Without `-z` it connects and sends its stdin, which the
 * simulated peer does not answer. `-l` (listen) waits for ever (kubesim does not yet route
 * connections to a shell).
 */
export function* nc(ctx: AppletContext): Gen<number> {
  const args = ctx.argv.slice(1);
  let zero = false;
  let verbose = 0;
  let listen = false;
  let timeoutMs = 127_000;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === 'w' || f === 'p' || f === 'e' || f === 's' || f === 'q' || f === 'i') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (f === 'w') timeoutMs = Number(v) * 1000;
          if (f === 'p' && v !== undefined) operands.push(v);
          break;
        }
        if (f === 'z') zero = true;
        else if (f === 'v') verbose++;
        else if (f === 'l') listen = true;
        else if (f === 'n' || f === 'u' || f === 'k') continue;
        else {
          ctx.fds.stderr.write(`nc: invalid option -- '${f}'\n`);
          return usage(
            ctx,
            'nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen',
          );
        }
      }
      continue;
    }
    operands.push(a);
  }
  if (listen) {
    yield { type: 'sleep', ms: Number.POSITIVE_INFINITY };
    return 0;
  }
  const [host, portSpec] = operands;
  if (host === undefined || portSpec === undefined) {
    return usage(ctx, 'nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen');
  }
  const range = /^(\d+)(?:-(\d+))?$/.exec(portSpec);
  if (!range) {
    ctx.fds.stderr.write(`nc: bad port '${portSpec}'\n`);
    return 1;
  }
  const from = Number(range[1]);
  const to = range[2] ? Number(range[2]) : from;
  let anyOpen = false;
  for (let port = from; port <= to; port++) {
    const answer = (yield { type: 'tcp', request: { host, port, timeoutMs } }) as TcpAnswer;
    const addr = answer.address ?? host;
    if (answer.type === 'connected') {
      anyOpen = true;
      if (verbose) ctx.fds.stderr.write(`${host} (${addr}:${port}) open\n`);
      if (!zero) ctx.fds.stdin.readAll();
      continue;
    }
    if (answer.error === 'unresolvable') {
      ctx.fds.stderr.write(`nc: bad address '${host}'\n`);
      return 1;
    }
    if (verbose) {
      const why =
        answer.error === 'refused'
          ? 'Connection refused'
          : answer.error === 'timeout'
            ? 'Connection timed out'
            : 'No route to host';
      ctx.fds.stderr.write(`nc: ${host} (${addr}:${port}): ${why}\n`);
    }
  }
  return anyOpen ? 0 : 1;
}
