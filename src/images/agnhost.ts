/**
 * registry.k8s.io/e2e-test-images/agnhost (test/images/agnhost in kubernetes/kubernetes): one Go
 * binary with a subcommand per test server, on alpine:3.21 with bash, curl and nc installed
 * (Dockerfile: ENTRYPOINT ["/agnhost"], CMD ["pause"]). The subcommand is the argv's second word;
 * a `command` that runs something else (`/bin/sh -c …`, `/bin/bash`) runs in the shell
 * interpreter (command-override.ts). Subcommands modelled:
 * - liveness (liveness/server.go): :8080, `/healthz` 200 for 10 s then 500, `/started`,
 *   `/redirect?loc=` (302);
 * - serve-hostname (serve-hostname/serve_hostname.go): HTTP on --port (9376) answering every path
 *   with the pod's hostname; on SIGTERM it waits 60 s ("Awaiting pod deletion") and exits 0;
 * - netexec (netexec/netexec.go): HTTP on --http-port (8080): `/echo?msg=&code=`, `/hostname`,
 *   `/hostName`, `/healthz`, `/redirect?location=&code=`; any other path answers 200 (`/`).
 *   Not modelled: `/exit`, `/shutdown`, `/shell`, `/dial`, `/clientip`, `/upload` (a request
 *   cannot change the process), the UDP server on 8081, and `/`'s time (`NOW: …`);
 * - grpc-health-checking, pause.
 * Other subcommands listen on the container's declared ports and answer 200 to everything.
 */

import {
  always,
  type ContainerInvocation,
  type GrpcHealthAnswer,
  goBindFailure,
  type HttpAnswer,
  type HttpBehaviour,
  type HttpRequestInfo,
  type ImageBehaviour,
} from './behaviour.js';
import { flagValue, intFlag } from './cli-flags.js';
import { basename, serverOrShell } from './command-override.js';
import { logTime } from './nginx.js';
import { REASONS } from './sh/commands/net.js';
import { containerArgv } from './sh/invocation.js';
import { AGNHOST_USERLAND } from './userland.js';

const MI = 1024 * 1024;

/** A Go server on fixed ports that exits 0 at once on SIGTERM. */
export function goServer(
  name: string,
  listen: number[],
  memoryBytes: number,
  http?: HttpBehaviour,
): ImageBehaviour {
  return {
    name,
    listen,
    memoryBytes,
    sigterm: { action: 'exit', code: 0 },
    bindFailure: goBindFailure,
    ...(http ? { http } : {}),
  };
}

const GO_404 = always(404, '404 page not found\n');

/** Go's html.EscapeString as http.Redirect uses it. */
function htmlEscape(text: string): string {
  return text.replace(
    /[&'<>"]/g,
    (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;' })[c]!,
  );
}

/**
 * Go's http.Redirect to `location` for a GET of `requestPath`: a relative location is resolved
 * against the request path's directory; the body is `<a href="…">Found</a>.` and two newlines.
 */
export function goRedirect(requestPath: string, location: string, code: number): HttpAnswer {
  let target = location;
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location) && !location.startsWith('/')) {
    target = requestPath.slice(0, requestPath.lastIndexOf('/') + 1) + location;
  }
  const text = REASONS[code];
  return {
    status: code,
    location: target,
    ...(text ? { body: `<a href="${htmlEscape(target)}">${text}</a>.\n\n` } : {}),
  };
}

/** Go's time.Duration String (`5s`, `1m30s`, `1.5s`, `0s`). */
function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

/**
 * liveness/server.go (also registry.k8s.io/liveness): `/healthz` is 200 `ok` for 10 s after the
 * start, then 500; `/started` answers the time since the start; `/redirect?loc=` is a 302.
 */
export const LIVENESS: ImageBehaviour = goServer('liveness', [8080], 4 * MI, {
  routes: [
    {
      path: '/healthz',
      // `time.Since(started).Seconds() > 10` → 500: still 200 at exactly 10 s.
      answers: [always(200, 'ok'), { fromMs: 10_000, status: 500, body: 'error: 10' }],
    },
    { path: '/started', answers: [{ status: 200, respond: (r) => always(200, goDuration(r.ageMs)) }] },
    {
      path: '/redirect',
      answers: [{ status: 302, respond: (r) => goRedirect(r.path, r.query.get('loc') ?? '', 302) }],
    },
  ],
  otherwise: GO_404,
});

/** An answer with the pod's hostname as its body (serve-hostname, netexec's /hostname). */
const HOSTNAME_ANSWER: HttpAnswer = { status: 200, respond: (r) => always(200, r.hostname) };

/** serve-hostname: every HTTP path answers the hostname on --port (9376). */
function serveHostname(words: readonly string[]): ImageBehaviour {
  const port = intFlag(words, 'port', 9376);
  const tcpOnly = flagValue(words, 'http') === 'false' || flagValue(words, 'tcp') === 'true';
  return {
    ...goServer(
      'agnhost serve-hostname',
      [port],
      4 * MI,
      tcpOnly ? undefined : { routes: [], otherwise: HOSTNAME_ANSWER },
    ),
    // SIGTERM: "Shutting down after receiving signal", "Awaiting pod deletion", 60 s, exit 0.
    sigterm: { action: 'exit', code: 0, afterMs: 60_000 },
    output: [{ afterMs: 0, stream: 'stderr', text: (at) => `${logTime(at)} Serving on port ${port}.` }],
  };
}

/** netexec's /echo: the message, with the status of `code` when it is given. */
function echo(r: HttpRequestInfo): HttpAnswer {
  const msg = r.query.get('msg') ?? '';
  const code = r.query.get('code');
  if (!code) return always(200, msg);
  if (!/^[+-]?\d+$/.test(code))
    return always(200, `argument 'code' must be an integer or empty, got "${code}"\n`);
  return always(Number(code), msg);
}

function netexec(words: readonly string[]): ImageBehaviour {
  const port = intFlag(words, 'http-port', 8080);
  const redirect = (r: HttpRequestInfo): HttpAnswer => {
    const code = Number(r.query.get('code') || 302);
    return goRedirect(r.path, r.query.get('location') ?? '', Number.isInteger(code) ? code : 302);
  };
  return {
    ...goServer('agnhost netexec', [port], 6 * MI, {
      routes: [
        { path: '/echo', answers: [{ status: 200, respond: echo }] },
        { path: '/hostname', answers: [HOSTNAME_ANSWER] },
        { path: '/hostName', answers: [HOSTNAME_ANSWER] },
        { path: '/healthz', answers: [always(200)] },
        { path: '/redirect', answers: [{ status: 302, respond: redirect }] },
      ],
      // `/` (the mux's catch-all): `NOW: <time>` in Go; kubesim leaves the time out.
      otherwise: always(200, 'NOW: '),
    }),
    output: [
      { afterMs: 0, stream: 'stderr', text: (at) => `${logTime(at)} Started HTTP server on port ${port}` },
    ],
  };
}

/**
 * grpc-health-checking: a gRPC health server on --port (5000) for --service (""), SERVING until
 * --delay-unhealthy-sec have passed (never when negative, the default), then NOT_SERVING; other
 * service names are `NotFound: unknown service`. Its HTTP server on --http-port (8080) answers
 * /make-serving and /make-not-serving with 200; kubesim does not let those requests change the
 * health (a behaviour has no state).
 */
function grpcHealthChecking(words: readonly string[]): ImageBehaviour {
  const port = intFlag(words, 'port', 5000);
  const httpPort = intFlag(words, 'http-port', 8080);
  const delaySec = intFlag(words, 'delay-unhealthy-sec', -1);
  const service = flagValue(words, 'service') ?? '';
  const health: GrpcHealthAnswer[] = [{ status: 'SERVING' }];
  if (delaySec >= 0) health.push({ fromMs: delaySec * 1000, status: 'NOT_SERVING' });
  return {
    ...goServer('agnhost grpc-health-checking', [...new Set([port, httpPort])], 6 * MI, {
      routes: [
        { path: '/make-serving', answers: [always(200)] },
        { path: '/make-not-serving', answers: [always(200)] },
      ],
      otherwise: GO_404,
    }),
    grpc: { ports: [port], health: { [service]: health } },
  };
}

/** Subcommands nobody described: listen on the declared ports, 200 to everything. */
const OTHER_SUBCOMMAND: ImageBehaviour = {
  name: 'agnhost',
  listen: 'declared',
  http: { routes: [], otherwise: always(200, '') },
  sigterm: { action: 'exit', code: 0 },
  memoryBytes: 16 * MI,
};

const AGNHOST_IMAGE = { entrypoint: ['/agnhost'], cmd: ['pause'] } as const;

/** The subcommand's server: `words` is the argv after the binary. */
function subcommand(words: readonly string[]): ImageBehaviour {
  switch (words[0]) {
    case 'liveness':
      return LIVENESS;
    case 'serve-hostname':
      return serveHostname(words);
    case 'netexec':
      return netexec(words);
    case 'grpc-health-checking':
      return grpcHealthChecking(words);
    case 'pause':
      return goServer('agnhost pause', [], 2 * MI);
    default:
      return OTHER_SUBCOMMAND;
  }
}

const isAgnhost = (program: string | undefined) => /^agnhost(-2)?$/.test(basename(program));

/** An agnhost container: the subcommand's server, or the container's own command in alpine with bash. */
export function agnhost(inv: ContainerInvocation): ImageBehaviour {
  return serverOrShell(inv, { imageCommand: AGNHOST_IMAGE, runsServer: (argv) => isAgnhost(argv[0]) }, () => {
    const argv = containerArgv(inv.command, inv.args, AGNHOST_IMAGE);
    const base = isAgnhost(argv[0]) ? subcommand(argv.slice(1)) : OTHER_SUBCOMMAND;
    // e2e tests exec `sh -c …` and `/bin/bash` in it.
    return { ...base, filesystem: 'alpine', userland: AGNHOST_USERLAND };
  });
}
