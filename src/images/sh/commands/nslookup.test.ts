import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { DnsAnswer, DnsRequest } from '../effects.js';
import { createContainerFs } from '../rootfs.js';
import { type ExecResult, runToCompletion } from '../run.js';
import { parseResolvConf, queriesFor } from './nslookup.js';

const HEADER = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

/** A pod in `default` with CoreDNS answering the one Service my-nginx (10.96.100.40). */
function nslookup(args: string, dns?: (req: DnsRequest) => DnsAnswer): ExecResult & { asked: string[] } {
  const asked: string[] = [];
  const fs = createContainerFs({ hostname: 'dns-test', namespace: 'default' });
  const result = runToCompletion(
    `nslookup ${args}`,
    { fs, env: {} },
    {
      dns(req) {
        asked.push(req.name);
        if (dns) return dns(req);
        return req.name === 'my-nginx.default.svc.cluster.local.'
          ? { type: 'resolved', name: 'my-nginx.default.svc.cluster.local', addresses: ['10.96.100.40'] }
          : { type: 'error', error: 'nxdomain' };
      },
    },
  );
  return { ...result, asked };
}

const nx = (name: string) => `** server can't find ${name}: NXDOMAIN\n\n`;

describe('busybox nslookup', () => {
  it('tries every search domain for a dotless name, A then AAAA, printing each reply', () => {
    const r = nslookup('my-nginx');
    expect(r.asked).to.deep.equal([
      'my-nginx.default.svc.cluster.local.',
      'my-nginx.svc.cluster.local.',
      'my-nginx.cluster.local.',
      'my-nginx.default.svc.cluster.local.',
      'my-nginx.svc.cluster.local.',
      'my-nginx.cluster.local.',
    ]);
    expect(r.stdout).to.equal(
      HEADER +
        'Name:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.100.40\n\n' +
        nx('my-nginx.svc.cluster.local') +
        nx('my-nginx.cluster.local') +
        '\n' +
        nx('my-nginx.svc.cluster.local') +
        nx('my-nginx.cluster.local'),
    );
    expect(r.exitCode).to.equal(1);
  });

  it('sends a name with a dot as it is, whatever ndots says: my-nginx.default is NXDOMAIN', () => {
    const r = nslookup('my-nginx.default');
    expect(r.asked).to.deep.equal(['my-nginx.default.', 'my-nginx.default.']);
    expect(r.stdout).to.equal(HEADER + nx('my-nginx.default') + nx('my-nginx.default'));
    expect(r.exitCode).to.equal(1);
  });

  it('answers a full name with status 0 (the AAAA reply is empty)', () => {
    const r = nslookup('my-nginx.default.svc.cluster.local');
    expect(r.stdout).to.equal(
      `${HEADER}Name:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.100.40\n\n\n`,
    );
    expect(r.exitCode).to.equal(0);
  });

  it('asks only the type given with -type', () => {
    const r = nslookup('-type=A my-nginx.default.svc.cluster.local');
    expect(r.stdout).to.equal(
      `${HEADER}Name:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.100.40\n\n`,
    );
    expect(nslookup('-type=bogus x').stderr).to.equal('nslookup: invalid query type "bogus"\n');
  });

  it('uses no search list with an explicit server, and names that server', () => {
    const r = nslookup('my-nginx 10.96.0.10');
    expect(r.asked).to.deep.equal(['my-nginx.', 'my-nginx.']);
    expect(r.stdout).to.equal(HEADER + nx('my-nginx') + nx('my-nginx'));
  });

  it('reports a server that never answers', () => {
    const r = nslookup('my-nginx', () => ({ type: 'error', error: 'timeout' }));
    expect(r.stdout).to.equal(';; connection timed out; no servers could be reached\n\n');
    expect(r.exitCode).to.equal(1);
  });
});

describe('nslookup resolv.conf and queries (parse_resolvconf, add_query_with_search)', () => {
  const cases: ReadonlyArray<{
    name: string;
    conf: string;
    hostname?: string;
    servers: string[];
    search: string[];
  }> = [
    {
      name: 'the kubelet file',
      conf: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
      servers: ['10.96.0.10'],
      search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
    },
    {
      name: 'domain is used without search',
      conf: 'domain example.org\nnameserver 1.1.1.1\nnameserver 8.8.8.8\n',
      servers: ['1.1.1.1', '8.8.8.8'],
      search: ['example.org'],
    },
    {
      name: 'search wins over a later domain',
      conf: 'search a.b\ndomain c.d\n',
      servers: [],
      search: ['a.b'],
    },
    { name: 'the hostname gives the domain', conf: '', hostname: 'box.lan', servers: [], search: ['lan'] },
    { name: '"domain ." means none', conf: 'domain .\n', servers: [], search: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(parseResolvConf(c.conf, c.hostname ?? 'pod')).to.deep.equal({
        servers: c.servers,
        search: c.search,
      });
    });
  }

  it('applies the search list to dotless names only', () => {
    expect(queriesFor('web', ['A'], ['x.y', 'y'])).to.deep.equal([
      { type: 'A', name: 'web.x.y' },
      { type: 'A', name: 'web.y' },
    ]);
    expect(queriesFor('web.ns', ['A', 'AAAA'], ['x.y'])).to.deep.equal([
      { type: 'A', name: 'web.ns' },
      { type: 'AAAA', name: 'web.ns' },
    ]);
    expect(queriesFor('web', ['A'], [])).to.deep.equal([{ type: 'A', name: 'web' }]);
  });
});
