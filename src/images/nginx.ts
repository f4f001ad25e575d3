/**
 * The nginx image (docker.io/library/nginx): which tags exist, the version a tag runs, what it
 * prints when it starts (the docker-entrypoint.sh lines, then nginx's notices on stderr), its
 * files and its `nginx` binary for `kubectl exec`, and its retries when port 80 is taken.
 */
import { timestampOf } from '../store/time.js';
import { always, type BindFailure, type HttpBehaviour, type OutputLine } from './behaviour.js';
import { basename, type ServerCommand, serveForever } from './command-override.js';
import { nginxSignalProcess } from './nginx-signals.js';
import type { Applet } from './sh/commands/types.js';

/**
 * nginx releases published on Docker Hub as `X.Y.Z` and `X.Y` tags (nginx.org's 1.x release
 * history up to mid-2025): minor line → last patch release.
 */
const NGINX_LAST_PATCH: Record<number, number> = {
  7: 12,
  8: 1,
  9: 15,
  10: 3,
  11: 13,
  12: 2,
  13: 12,
  14: 2,
  15: 12,
  16: 1,
  17: 10,
  18: 0,
  19: 10,
  20: 2,
  21: 6,
  22: 1,
  23: 4,
  24: 0,
  25: 5,
  26: 3,
  27: 5,
  28: 0,
  29: 1,
};
const NGINX_VARIANTS = [
  'alpine',
  'perl',
  'alpine-perl',
  'alpine-slim',
  'bookworm',
  'bookworm-perl',
  'bullseye',
  'bullseye-perl',
  'otel',
  'alpine-otel',
  'bookworm-otel',
];
const NGINX_CHANNELS = ['latest', 'stable', 'mainline', '1'];
const MAINLINE = '1.29.1';
const STABLE = '1.28.0';

/** Whether nginx ever published this tag: `1.25`, `1.14.2`, `1.27-alpine`, `alpine`, `stable-perl`. */
export function nginxTagExists(tag: string): boolean {
  const dash = tag.indexOf('-');
  const base = dash < 0 ? tag : tag.slice(0, dash);
  const variant = dash < 0 ? undefined : tag.slice(dash + 1);
  if (variant !== undefined && !NGINX_VARIANTS.includes(variant)) return false;
  if (NGINX_VARIANTS.includes(tag)) return true;
  if (NGINX_CHANNELS.includes(base)) return true;
  const m = /^1\.(\d+)(?:\.(\d+))?$/.exec(base);
  if (!m) return false;
  const last = NGINX_LAST_PATCH[Number(m[1])];
  if (last === undefined) return false;
  return m[2] === undefined || Number(m[2]) <= last;
}

/** The nginx version an (existing) tag runs: `1.25` → 1.25.5, `stable` → 1.28.0, `latest` → 1.29.1. */
export function nginxVersion(tag: string | undefined): string {
  const base = (tag ?? 'latest').split('-')[0]!;
  if (base === 'stable') return STABLE;
  const m = /^1\.(\d+)(?:\.(\d+))?$/.exec(base);
  if (!m) return MAINLINE;
  return `1.${m[1]}.${m[2] ?? NGINX_LAST_PATCH[Number(m[1])] ?? 0}`;
}

export function minor(version: string): number {
  return Number(version.split('.')[1]);
}

export const NGINX_WELCOME =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n';
const NGINX_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export const NGINX_HTTP: HttpBehaviour = {
  routes: [
    { path: '/', answers: [always(200, NGINX_WELCOME)] },
    { path: '/index.html', answers: [always(200, NGINX_WELCOME)] },
  ],
  otherwise: always(404, NGINX_404),
};

/** nginx's error-log time: `2025/01/01 00:00:05`. */
export function logTime(atMs: number): string {
  return timestampOf(atMs).slice(0, 19).replaceAll('-', '/').replace('T', ' ');
}

const ENTRYPOINT = '/docker-entrypoint.sh';
const ENTRYPOINT_LINES = [
  `${ENTRYPOINT}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
  `${ENTRYPOINT}: Looking for shell scripts in /docker-entrypoint.d/`,
  `${ENTRYPOINT}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
];

/** Worker processes nginx starts (`worker_processes auto`: one per CPU of kubesim's default node). */
export const WORKERS = 4;
/** The first worker's pid (the entrypoint's scripts used the ones before). */
export const FIRST_WORKER_PID = 29;

/**
 * What the image prints when it starts: docker-entrypoint.sh (images since 1.19) on stdout, then
 * nginx's own notices on stderr (the images log at `notice` level since 1.21). Older images
 * print nothing.
 */
export function nginxStartupOutput(version: string, alpine: boolean): readonly OutputLine[] {
  // The same lines for every container of one version: made once (a rollout starts thousands).
  const key = `${version}${alpine ? '-alpine' : ''}`;
  let lines = startupOutputs.get(key);
  if (!lines) startupOutputs.set(key, (lines = Object.freeze(startupOutput(version, alpine))));
  return lines;
}

const startupOutputs = new Map<string, readonly OutputLine[]>();

function startupOutput(version: string, alpine: boolean): OutputLine[] {
  const m = minor(version);
  if (m < 19) return [];
  const out: OutputLine[] = ENTRYPOINT_LINES.map((text) => ({ afterMs: 0, stream: 'stdout', text }));
  if (m >= 25) {
    out.push({
      afterMs: 0,
      stream: 'stdout',
      text: `${ENTRYPOINT}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
    });
  }
  for (const script of ['20-envsubst-on-templates.sh', '30-tune-worker-processes.sh']) {
    out.push({
      afterMs: 0,
      stream: 'stdout',
      text: `${ENTRYPOINT}: Launching /docker-entrypoint.d/${script}`,
    });
  }
  out.push({
    afterMs: 0,
    stream: 'stdout',
    text: `${ENTRYPOINT}: Configuration complete; ready for start up`,
  });
  if (m < 21) return out;
  const notice = (text: string): OutputLine => ({
    afterMs: 0,
    stream: 'stderr',
    text: (at) => `${logTime(at)} [notice] 1#1: ${text}`,
  });
  out.push(
    notice('using the "epoll" event method'),
    notice(`nginx/${version}`),
    notice(
      alpine
        ? 'built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) '
        : 'built by gcc 12.2.0 (Debian 12.2.0-14) ',
    ),
    notice('OS: Linux 6.8.0-kubesim'),
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    notice('start worker processes'),
  );
  for (let i = 0; i < WORKERS; i++) out.push(notice(`start worker process ${FIRST_WORKER_PID + i}`));
  return out;
}

/**
 * Port 80 is taken by another container of the pod: nginx tries to bind() 5 times, 500 ms
 * apart (ngx_open_listening_sockets), logging each failure for 0.0.0.0:80 and [::]:80, then
 * gives up and exits 1.
 */
export function nginxBindFailure(port: number, atMs: number, musl: boolean): BindFailure {
  const reason = musl ? 'Address in use' : 'Address already in use';
  const lines: BindFailure['lines'][number][] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const t = logTime(atMs + attempt * 500);
    for (const addr of [`0.0.0.0:${port}`, `[::]:${port}`]) {
      lines.push({ stream: 'stderr', text: `${t} [emerg] 1#1: bind() to ${addr} failed (98: ${reason})` });
      lines.push({ stream: 'stderr', text: `nginx: [emerg] bind() to ${addr} failed (98: ${reason})` });
    }
    lines.push({ stream: 'stderr', text: `${t} [notice] 1#1: try again to bind() after 500ms` });
  }
  const t = logTime(atMs + 2500);
  lines.push({ stream: 'stderr', text: `${t} [emerg] 1#1: still could not bind()` });
  lines.push({ stream: 'stderr', text: 'nginx: [emerg] still could not bind()' });
  return { afterMs: 2500, code: 1, lines };
}

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`.slice(1);

const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

export const NGINX_FILES: Readonly<Record<string, string>> = {
  '/etc/nginx/nginx.conf': NGINX_CONF,
  '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
  '/usr/share/nginx/html/index.html': NGINX_WELCOME,
  '/usr/share/nginx/html/50x.html':
    '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
  '/var/log/nginx/access.log': '',
  '/var/log/nginx/error.log': '',
  // Written by the master at start (`pid` in nginx.conf); `nginx -s` reads it.
  '/var/run/nginx.pid': '1\n',
};

/**
 * The `nginx` binary as `kubectl exec` finds it: `-v`, `-V`, `-t` and `-s SIGNAL` (sent to the
 * master named in the pid file, see nginx-signals.ts); starting a second nginx fails to bind
 * port 80 like the real one.
 */
export function nginxCommand(version: string): Applet {
  return (ctx) => {
    const arg = ctx.argv[1];
    const err = ctx.fds.stderr;
    switch (arg) {
      case '-v':
        err.write(`nginx version: nginx/${version}\n`);
        return 0;
      case '-V':
        err.write(`nginx version: nginx/${version}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14) \n`);
        return 0;
      case '-t':
        err.write(
          'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n' +
            'nginx: configuration file /etc/nginx/nginx.conf test is successful\n',
        );
        return 0;
      case '-s':
        return nginxSignalProcess(ctx, version);
      case undefined:
        err.write(
          'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n'.repeat(5) +
            'nginx: [emerg] still could not bind()\n',
        );
        return 1;
      default:
        err.write(`nginx: invalid option: "${arg.replace(/^-/, '')}"\n`);
        return 1;
    }
  };
}

/** nginx's options that do something and exit instead of serving. */
const NGINX_ONE_SHOT = new Set(['-v', '-V', '-t', '-T', '-s', '-h', '-?']);

/**
 * What an nginx container's argv runs (command-override.ts). The images since 1.19 have
 * ENTRYPOINT ["/docker-entrypoint.sh"], CMD ["nginx", "-g", "daemon off;"]; the entrypoint
 * configures and serves when its first argument is `nginx` or `nginx-debug`, else it only
 * `exec "$@"` (so the shell program runs the argv without it). Older images have only the CMD.
 */
export function nginxServerCommand(version: string): ServerCommand {
  const cmd = ['nginx', '-g', 'daemon off;'];
  return {
    imageCommand: minor(version) >= 19 ? { entrypoint: [ENTRYPOINT], cmd } : { cmd },
    shellCommand: { cmd },
    runsServer(argv) {
      const words = basename(argv[0]) === 'docker-entrypoint.sh' ? argv.slice(1) : argv;
      if (!/^nginx(-debug)?$/.test(basename(words[0]))) return false;
      return !words.slice(1).some((w) => NGINX_ONE_SHOT.has(w));
    },
    // `… && exec nginx -g 'daemon off;'` (or without exec, as the script's last command).
    foreground: /(?:^|[;&|\n]|\bexec)\s*(?:\S*\/)?nginx(?:-debug)?\s+-g\s+["']?daemon off;?["']?\s*$/,
    foregroundCommands: { nginx: nginxForeground(version), 'nginx-debug': nginxForeground(version) },
  };
}

/** `nginx -g 'daemon off;'` at the end of a container's script: it serves until it is stopped. */
function nginxForeground(version: string): Applet {
  const other = nginxCommand(version);
  return (ctx) => (ctx.argv[1] === '-g' ? serveForever(ctx) : other(ctx));
}
