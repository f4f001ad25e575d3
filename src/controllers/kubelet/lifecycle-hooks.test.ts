import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, Pod } from '../../api/types.js';
import { SimClock } from '../../core/clock.js';
import type { ContainerInvocation, HttpHeaders } from '../../images/behaviour.js';
import { ImageCatalog } from '../../images/catalog.js';
import { imageRootFs } from '../../images/image-fs.js';
import { type HttpResult, SimProcess } from '../../images/process.js';
import { parseImageReference } from '../../images/reference.js';
import {
  execKilledError,
  type HookTarget,
  type LifecycleHandler,
  resolveContainerPort,
  runLifecycleHandler,
} from './lifecycle-hooks.js';
import type { Reach } from './probe-http.js';
import type { ContainerInstance } from './runtime.js';

const catalog = new ImageCatalog();

/** A running container of `image`, as the kubelet's runtime would have started it. */
function instanceOf(image: string, command?: string[]): ContainerInstance {
  const clock = new SimClock();
  const pulled = catalog.pull(parseImageReference(image));
  if (!pulled.ok) throw new Error(pulled.message);
  const invocation: ContainerInvocation = { name: 'c', ...(command ? { command } : {}) };
  const behaviour = pulled.image.behaviour(invocation);
  const process = new SimProcess({
    clock,
    behaviour,
    invocation,
    label: 'test',
    context: {
      env: [],
      hostname: 'podFoo',
      fs: () => imageRootFs(behaviour, { hostname: 'podFoo', now: () => clock.now }),
    },
  }).start();
  return {
    id: 'abc1234'.padEnd(64, '0'),
    name: 'c',
    restartCount: 0,
    image,
    imageID: '',
    createdAt: 0,
    state: 'running',
    startedAt: 0,
    process,
  };
}

// handlers_test.go's pod: podFoo in nsFoo (format.Pod prints an empty uid as `()`).
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'podFoo', namespace: 'nsFoo' },
} as Pod;

/** What the fake HTTP server saw of each request. */
interface Seen {
  readonly target: string;
  readonly headers: HttpHeaders;
}

/** fakeHTTP: records every request and answers with `answer` (a 200 by default). */
function fakeHTTP(answer: HttpResult = { kind: 'response', status: 200, body: '' }) {
  const seen: Seen[] = [];
  const reach: Reach = (hostname, port) => ({
    httpGet(_port, path, headers = []) {
      seen.push({ target: `${hostname}:${port}${path}`, headers });
      return answer;
    },
  });
  return { seen, reach };
}

function target(
  container: Container,
  options: { reach?: Reach; podIP?: string; instance?: ContainerInstance } = {},
): HookTarget {
  return {
    pod,
    container,
    instance: options.instance ?? instanceOf('busybox:1.36', ['sh', '-c', 'sleep 3600']),
    podIP: options.podIP ?? '127.0.0.1',
    reach: options.reach ?? fakeHTTP().reach,
  };
}

const containerFoo = (handler: LifecycleHandler, ports?: Container['ports']): Container => ({
  name: 'containerFoo',
  lifecycle: { postStart: handler },
  ...(ports ? { ports } : {}),
});

describe('runLifecycleHandler (handlers.go Run)', () => {
  it('TestRunHandlerExec: runs the command in the container', () => {
    const instance = instanceOf('busybox:1.36', ['sh', '-c', 'sleep 3600']);
    const handler = { exec: { command: ['sh', '-c', 'echo hello > /tmp/marker'] } };
    const outcome = runLifecycleHandler(handler, target(containerFoo(handler), { instance }));
    expect(outcome).to.deep.equal({ elapsedMs: 0, unfinished: false });
    expect(instance.process!.exec(['cat', '/tmp/marker']).stdout).to.equal('hello\n');
  });

  it('runs the command as written: `$(VAR)` is not expanded, unlike in an exec probe', () => {
    const instance = instanceOf('busybox:1.36', ['sh', '-c', 'sleep 3600']);
    const handler = { exec: { command: ['sh', '-c', 'echo "$(echo)x" > /tmp/out'] } };
    const container = { ...containerFoo(handler), env: [{ name: 'echo', value: 'EXPANDED' }] };
    runLifecycleHandler(handler, target(container, { instance }));
    expect(instance.process!.exec(['cat', '/tmp/out']).stdout).to.equal('x\n');
  });

  it('TestRunHandlerExecFailure: the message names the command, container, pod, error and output', () => {
    const handler = { exec: { command: ['sh', '-c', 'echo out; echo invalid command >&2; exit 2'] } };
    const outcome = runLifecycleHandler(handler, target(containerFoo(handler)));
    expect(outcome.error).to.equal(
      'Exec lifecycle hook ([sh -c echo out; echo invalid command >&2; exit 2]) for Container "containerFoo" ' +
        `in Pod "podFoo_nsFoo()" failed - error: command 'sh -c echo out; echo invalid command >&2; exit 2' ` +
        'exited with 2: invalid command\n, message: "out\\ninvalid command\\n"',
    );
  });

  it('an exec takes the simulated time of its command; one past the caller’s limit is unfinished', () => {
    const sleeper = { exec: { command: ['sh', '-c', 'sleep 4'] } };
    expect(runLifecycleHandler(sleeper, target(containerFoo(sleeper)))).to.deep.equal({
      elapsedMs: 4000,
      unfinished: false,
    });
    expect(runLifecycleHandler(sleeper, target(containerFoo(sleeper)), 2000)).to.deep.equal({
      elapsedMs: 2000,
      unfinished: true,
    });
    const endless = { exec: { command: ['sh', '-c', 'while true; do sleep 1; done'] } };
    expect(runLifecycleHandler(endless, target(containerFoo(endless)))).to.deep.equal({
      elapsedMs: 3_600_000,
      unfinished: true,
    });
  });

  it('an exec the runtime cannot start, or into a stopped container, fails with containerd’s error', () => {
    const missing = { exec: { command: ['no-such-tool'] } };
    const instance = instanceOf('nginx:1.27');
    expect(runLifecycleHandler(missing, target(containerFoo(missing), { instance })).error).to.match(
      /^Exec lifecycle hook \(\[no-such-tool\]\) for Container "containerFoo" in Pod "podFoo_nsFoo\(\)" failed - error: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "no-such-tool": executable file not found in \$PATH: unknown, message: ""$/,
    );
    instance.process!.signal('SIGKILL');
    const echo = { exec: { command: ['sh', '-c', 'true'] } };
    expect(runLifecycleHandler(echo, target(containerFoo(echo), { instance })).error).to.equal(
      'Exec lifecycle hook ([sh -c true]) for Container "containerFoo" in Pod "podFoo_nsFoo()" failed - error: ' +
        'rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state, message: ""',
    );
  });

  it('an exec whose container stops while it runs fails with the SIGKILL’s exit code', () => {
    const handler = { exec: { command: ['sh', '-c', 'sleep 10'] } };
    expect(execKilledError(handler, target(containerFoo(handler)))).to.equal(
      `Exec lifecycle hook ([sh -c sleep 10]) for Container "containerFoo" in Pod "podFoo_nsFoo()" failed - error: command 'sh -c sleep 10' exited with 137: , message: ""`,
    );
  });

  it('TestRunHandlerHttp: the host, port and path of the action', () => {
    const http = fakeHTTP();
    const handler = { httpGet: { host: 'foo', port: 8080, path: 'bar' } };
    const outcome = runLifecycleHandler(handler, target(containerFoo(handler), { reach: http.reach }));
    expect(outcome.error).to.equal(undefined);
    expect(http.seen.map((s) => s.target)).to.deep.equal(['foo:8080/bar']);
  });

  it('TestRunHandlerHttpWithHeaders: the action’s headers are sent', () => {
    const http = fakeHTTP();
    const handler = {
      httpGet: { host: 'foo', port: 8080, path: '/bar', httpHeaders: [{ name: 'Foo', value: 'bar' }] },
    };
    runLifecycleHandler(handler, target(containerFoo(handler), { reach: http.reach }));
    expect(http.seen[0]?.target).to.equal('foo:8080/bar');
    expect(http.seen[0]?.headers).to.deep.include(['Foo', 'bar']);
  });

  // TestRunHandlerHttps and TestRunHandlerHTTPPort: the URL (in the error, as the server refuses).
  const httpsCases: Array<{ name: string; port: number | string; error: string }> = [
    {
      name: 'consistent/with port',
      port: '70',
      error: 'Get "https://foo:70/bar": dial tcp foo:70: connect: connection refused',
    },
    { name: 'consistent/without port', port: '', error: 'strconv.Atoi: parsing "": invalid syntax' },
  ];
  for (const c of httpsCases) {
    it(`TestRunHandlerHTTPPort ${c.name}`, () => {
      const handler = { httpGet: { scheme: 'HTTPS', host: 'foo', port: c.port, path: 'bar' } };
      const refused: Reach = () => undefined;
      const outcome = runLifecycleHandler(handler, target(containerFoo(handler), { reach: refused }));
      expect(outcome.error).to.equal(
        `HTTP lifecycle hook (bar) for Container "containerFoo" in Pod "podFoo_nsFoo()" failed - error: ${c.error}`,
      );
    });
  }

  // TestRunHTTPHandler: the request on the wire (Go's `kube-lifecycle/.` is our version's agent).
  const wire = (host: string, extra: HttpHeaders = []): HttpHeaders => [
    ['Host', host],
    ['User-Agent', 'kube-lifecycle/1.33'],
    ['Connection', 'close'],
    ['Accept', '*/*'],
    ...extra,
  ];
  const httpCases: Array<{
    name: string;
    podIP: string;
    httpGet: NonNullable<LifecycleHandler['httpGet']>;
    target: string;
    headers: HttpHeaders;
  }> = [
    {
      name: 'missing pod IP',
      podIP: '',
      httpGet: { path: 'foo', port: '42', host: 'example.test', scheme: 'HTTP' },
      target: 'example.test:42/foo',
      headers: wire('example.test:42'),
    },
    {
      name: 'missing host',
      podIP: '233.252.0.1',
      httpGet: { path: 'foo', port: '42', scheme: 'HTTP' },
      target: '233.252.0.1:42/foo',
      headers: wire('233.252.0.1:42'),
    },
    {
      name: 'path with leading slash',
      podIP: '233.252.0.1',
      httpGet: { path: '/foo', port: '42', scheme: 'HTTP' },
      target: '233.252.0.1:42/foo',
      headers: wire('233.252.0.1:42'),
    },
    {
      name: 'port resolution',
      podIP: '233.252.0.1',
      httpGet: { path: 'foo', port: 'quux', scheme: 'HTTP' },
      target: '233.252.0.1:8080/foo',
      headers: wire('233.252.0.1:8080'),
    },
    {
      name: 'https',
      podIP: '233.252.0.1',
      httpGet: { path: 'foo', port: '4430', scheme: 'HTTPS' },
      target: '233.252.0.1:4430/foo',
      headers: wire('233.252.0.1:4430'),
    },
    {
      name: 'query param',
      podIP: '233.252.0.1',
      httpGet: { path: 'foo?k=v', port: '80', scheme: 'HTTP' },
      target: '233.252.0.1:80/foo?k=v',
      headers: wire('233.252.0.1:80'),
    },
    {
      name: 'fragment',
      podIP: '233.252.0.1',
      httpGet: { path: 'foo#frag', port: '80', scheme: 'HTTP' },
      target: '233.252.0.1:80/foo',
      headers: wire('233.252.0.1:80'),
    },
    {
      name: 'headers',
      podIP: '233.252.0.1',
      httpGet: { path: 'foo', port: '80', scheme: 'HTTP', httpHeaders: [{ name: 'Foo', value: 'bar' }] },
      target: '233.252.0.1:80/foo',
      headers: wire('233.252.0.1:80', [['Foo', 'bar']]),
    },
    {
      name: 'host header',
      podIP: '233.252.0.1',
      httpGet: {
        host: 'example.test',
        path: 'foo',
        port: '80',
        scheme: 'HTTP',
        httpHeaders: [{ name: 'Host', value: 'from.header' }],
      },
      target: 'example.test:80/foo',
      headers: wire('from.header'),
    },
  ];
  for (const c of httpCases) {
    it(`TestRunHTTPHandler ${c.name}`, () => {
      const http = fakeHTTP();
      const handler = { httpGet: c.httpGet };
      const container = containerFoo(handler, [{ name: 'quux', containerPort: 8080 }]);
      const outcome = runLifecycleHandler(handler, target(container, { reach: http.reach, podIP: c.podIP }));
      expect(outcome.error).to.equal(undefined);
      expect(http.seen).to.deep.equal([{ target: c.target, headers: c.headers }]);
    });
  }

  it('TestRunHandlerNil: a handler with no supported action fails (the deprecated tcpSocket)', () => {
    const empty = {};
    expect(runLifecycleHandler(empty, target(containerFoo(empty))).error).to.equal(
      'Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:nil,Sleep:nil,}',
    );
    const tcp = { tcpSocket: { port: 80 } };
    expect(runLifecycleHandler(tcp, target(containerFoo(tcp))).error).to.equal(
      'Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:{0 80 },Host:,},Sleep:nil,}',
    );
  });

  it('TestRunHandlerHttpFailure: a transport error fails with Go’s text', () => {
    const handler = { httpGet: { host: 'foo', port: 8080, path: 'bar' } };
    const outcome = runLifecycleHandler(handler, target(containerFoo(handler), { reach: () => undefined }));
    expect(outcome.error).to.equal(
      'HTTP lifecycle hook (bar) for Container "containerFoo" in Pod "podFoo_nsFoo()" failed - error: ' +
        'Get "http://foo:8080/bar": dial tcp foo:8080: connect: connection refused',
    );
  });

  it('any HTTP answer is a success, even a 404 or a 500 (the kubelet’s client checks no status)', () => {
    for (const status of [200, 302, 404, 500]) {
      const http = fakeHTTP({ kind: 'response', status, body: 'nope' });
      const handler = { httpGet: { port: 80, path: '/warm' } };
      const outcome = runLifecycleHandler(handler, target(containerFoo(handler), { reach: http.reach }));
      expect(outcome, `status ${status}`).to.deep.equal({ elapsedMs: 0, unfinished: false });
    }
  });

  // TestRunSleepHandler: the sleep's length; one longer than the caller waits is cut short.
  const sleepCases = [
    { name: 'valid seconds', seconds: 5, limitSeconds: 30, outcome: { elapsedMs: 5000, unfinished: false } },
    {
      name: 'longer than TerminationGracePeriodSeconds',
      seconds: 3,
      limitSeconds: 2,
      outcome: { elapsedMs: 2000, unfinished: true },
    },
  ];
  for (const c of sleepCases) {
    it(`TestRunSleepHandler ${c.name}`, () => {
      const handler = { sleep: { seconds: c.seconds } };
      expect(
        runLifecycleHandler(handler, target(containerFoo(handler)), c.limitSeconds * 1000),
      ).to.deep.equal(c.outcome);
    });
  }

  it('a sleep with no limit (postStart) lasts its seconds, however long', () => {
    const handler = { sleep: { seconds: 7200 } };
    expect(runLifecycleHandler(handler, target(containerFoo(handler)))).to.deep.equal({
      elapsedMs: 7_200_000,
      unfinished: false,
    });
  });
});

describe('resolveContainerPort (pkg/probe ResolveContainerPort)', () => {
  const container: Container = { name: 'c', ports: [{ name: 'http', containerPort: 8080 }] };
  const cases: Array<[number | string, number | string]> = [
    [80, 80],
    ['http', 8080],
    ['9090', 9090],
    ['metrics', 'strconv.Atoi: parsing "metrics": invalid syntax'],
    [0, 'invalid port number: 0'],
    [70000, 'invalid port number: 70000'],
  ];
  for (const [port, expected] of cases) {
    it(`${JSON.stringify(port)} → ${expected}`, () => {
      expect(resolveContainerPort(port, container)).to.equal(expected);
    });
  }
});
