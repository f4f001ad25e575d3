import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimClock } from '../core/clock.js';
import { goRedirect } from './agnhost.js';
import type { ContainerInvocation, ImageBehaviour } from './behaviour.js';
import { ImageCatalog } from './catalog.js';
import { httpAnswer } from './http-answer.js';
import { parseImageReference } from './reference.js';
import { runUntil, startContainer } from './test-support.js';

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53';

function agnhost(args: string[]): ImageBehaviour {
  const pulled = new ImageCatalog().pull(parseImageReference(AGNHOST));
  if (!pulled.ok) throw new Error(pulled.message);
  const inv: ContainerInvocation = { name: 'c', args };
  return pulled.image.behaviour(inv);
}

const get = (b: ImageBehaviour, port: number, path: string, ageMs = 0) =>
  httpAnswer(b, port, path, undefined, ageMs, 'pod-0');

describe('agnhost', () => {
  it('Go’s http.Redirect: the location (relative ones against the request’s directory) and its body', () => {
    // net/http TestRedirect's cases for a GET of /foo/bar (serve_test.go), where the path is not cleaned.
    const table: ReadonlyArray<[string, string]> = [
      ['http://foobar.com/baz', 'http://foobar.com/baz'],
      ['/foobar.com/baz', '/foobar.com/baz'],
      ['foobar.com/baz', '/foo/foobar.com/baz'],
      ['/healthz', '/healthz'],
    ];
    for (const [loc, want] of table) expect(goRedirect('/foo/bar', loc, 302).location, loc).to.equal(want);
    expect(goRedirect('/redirect', 'http://0.0.0.0/', 302)).to.deep.equal({
      status: 302,
      location: 'http://0.0.0.0/',
      body: '<a href="http://0.0.0.0/">Found</a>.\n\n',
    });
    expect(goRedirect('/', '/a?b="c"&d', 307).body).to.equal(
      '<a href="/a?b=&#34;c&#34;&amp;d">Temporary Redirect</a>.\n\n',
    );
  });

  it('liveness: /redirect?loc= is a 302 to the unescaped location; /healthz turns 500 after 10 s; /started', () => {
    const b = agnhost(['liveness']);
    expect(get(b, 8080, '/redirect?loc=%2Fhealthz')).to.include({ status: 302, location: '/healthz' });
    expect(get(b, 8080, '/redirect?loc=http%3A%2F%2F0.0.0.0%2F')).to.include({
      status: 302,
      location: 'http://0.0.0.0/',
    });
    expect(get(b, 8080, '/healthz', 10_000)).to.include({ status: 200, body: 'ok' });
    expect(get(b, 8080, '/healthz', 10_001)).to.include({ status: 500 });
    expect(get(b, 8080, '/started', 90_500)).to.include({ status: 200, body: '1m30.5s' });
    expect(get(b, 8080, '/nothing')).to.include({ status: 404, body: '404 page not found\n' });
  });

  it('serve-hostname: every path answers the pod’s hostname on --port (9376)', () => {
    expect(get(agnhost(['serve-hostname']), 9376, '/any/path?x=1')).to.include({
      status: 200,
      body: 'pod-0',
    });
    const b = agnhost(['serve-hostname', '--port=9377']);
    expect(b.listen).to.deep.equal([9377]);
    expect(b.sigterm).to.deep.equal({ action: 'exit', code: 0, afterMs: 60_000 });
  });

  it('netexec: /echo, /hostname and /redirect on --http-port; every other path is 200', () => {
    const b = agnhost(['netexec', '--http-port', '80']);
    expect(b.listen).to.deep.equal([80]);
    expect(get(b, 80, '/echo?msg=hello+there')).to.include({ status: 200, body: 'hello there' });
    expect(get(b, 80, '/echo?msg=gone&code=404')).to.include({ status: 404, body: 'gone' });
    expect(get(b, 80, '/echo?code=x')).to.include({
      status: 200,
      body: 'argument \'code\' must be an integer or empty, got "x"\n',
    });
    expect(get(b, 80, '/hostname')).to.include({ status: 200, body: 'pod-0' });
    expect(get(b, 80, '/hostName')).to.include({ status: 200, body: 'pod-0' });
    expect(get(b, 80, '/redirect?location=/echo%3Fmsg%3Dx&code=307')).to.include({
      status: 307,
      location: '/echo?msg=x',
    });
    expect(get(b, 80, '/healthz').kind).to.equal('response');
    expect(get(b, 80, '/whatever')).to.include({ status: 200 });
    expect(agnhost(['netexec']).listen).to.deep.equal([8080]);
  });

  it('runs its CMD (pause) without args: nothing listens; SIGTERM ends it with 0', () => {
    const clock = new SimClock();
    const p = startContainer(clock, AGNHOST);
    runUntil(clock, 1000);
    for (const port of [80, 8080, 9376]) expect(p.listens(port)).to.equal(false);
    p.signal('SIGTERM');
    runUntil(clock, 2000);
    expect(p.exited?.code).to.equal(0);
  });

  it('other subcommands listen on the declared ports', () => {
    const b = agnhost(['test-webserver']);
    expect(b.listen).to.equal('declared');
  });
});
