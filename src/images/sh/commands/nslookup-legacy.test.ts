import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { DnsAnswer, DnsRequest } from '../effects.js';
import { createContainerFs } from '../rootfs.js';
import { type ExecResult, runToCompletion } from '../run.js';
import { nslookupLegacy } from './nslookup-legacy.js';

/** The cluster's DNS as a pod's libc sees it: the search list applied. */
const CLUSTER: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.default': ['kubernetes.default.svc.cluster.local', '10.96.0.1'],
  'my-nginx': ['my-nginx.default.svc.cluster.local', '10.96.100.40'],
  db: ['db.default.svc.cluster.local', '10.244.1.3', '10.244.2.3'],
  'node-1': ['node-1', '172.18.0.2'],
};

/** CoreDNS's reverse zone for those: Services by cluster IP, endpoints by dashed IP (no node). */
const CLUSTER_PTR: Readonly<Record<string, string>> = {
  '10.96.0.10': 'kube-dns.kube-system.svc.cluster.local',
  '10.96.0.1': 'kubernetes.default.svc.cluster.local',
  '10.96.100.40': 'my-nginx.default.svc.cluster.local',
  '10.244.1.3': '10-244-1-3.db.default.svc.cluster.local',
  '10.244.2.3': '10-244-2-3.db.default.svc.cluster.local',
};

function lookup(
  args: string,
  ptr: Readonly<Record<string, string>> = CLUSTER_PTR,
): ExecResult & { asked: DnsRequest[] } {
  const asked: DnsRequest[] = [];
  const fs = createContainerFs({ hostname: 'busybox', namespace: 'default', podIPs: ['10.244.0.7'] });
  const result = runToCompletion(
    `nslookup ${args}`,
    { fs, env: {}, commands: { nslookup: nslookupLegacy } },
    {
      dns(req): DnsAnswer {
        asked.push(req);
        if (req.type === 'PTR') {
          const name = ptr[req.name];
          return name
            ? { type: 'resolved', name, addresses: [req.name] }
            : { type: 'error', error: 'nxdomain' };
        }
        const hit = CLUSTER[req.name];
        if (!hit) return { type: 'error', error: 'nxdomain' };
        const [name, ...addresses] = hit;
        return { type: 'resolved', name: name!, addresses };
      },
    },
  );
  return { ...result, asked };
}

const SERVER = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n';

describe('busybox 1.28 nslookup (libc resolver)', () => {
  it('resolves kubernetes.default through the search list, as the DNS debugging page shows', () => {
    const r = lookup('kubernetes.default');
    expect(r.stdout).to.equal(
      `${SERVER}Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n`,
    );
    expect(r.stderr).to.equal('');
    expect(r.exitCode).to.equal(0);
    // libc's lookup: the name as typed (the resolver searches), then the reverse lookups.
    expect(r.asked).to.deep.equal([
      { name: '10.96.0.10', type: 'PTR', timeoutMs: 5000 },
      { name: 'kubernetes.default', timeoutMs: 5000 },
      { name: '10.96.0.1', type: 'PTR', timeoutMs: 5000 },
    ]);
  });

  it('leaves an address bare when the network has no PTR record for it', () => {
    const r = lookup('kubernetes.default', {});
    expect(r.stdout).to.equal(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10\n\n' +
        'Name:      kubernetes.default\nAddress 1: 10.96.0.1\n',
    );
  });

  it('prints the server, then `can’t resolve` on stderr, and exits 1 for an unknown name', () => {
    const r = lookup('myservice.default.svc.cluster.local');
    expect(r.stdout).to.equal(SERVER);
    expect(r.stderr).to.equal("nslookup: can't resolve 'myservice.default.svc.cluster.local'\n");
    expect(r.exitCode).to.equal(1);
  });

  it('names each address of a headless Service by its endpoint’s PTR record (dashed IP)', () => {
    const r = lookup('db');
    expect(r.stdout).to.equal(
      `${SERVER}Name:      db\n` +
        'Address 1: 10.244.1.3 10-244-1-3.db.default.svc.cluster.local\n' +
        'Address 2: 10.244.2.3 10-244-2-3.db.default.svc.cluster.local\n',
    );
  });

  it('leaves an address without a reverse name bare (a node)', () => {
    expect(lookup('node-1').stdout).to.equal(`${SERVER}Name:      node-1\nAddress 1: 172.18.0.2\n`);
  });

  it('reads /etc/hosts first: localhost (IPv6 first) and the pod’s own name', () => {
    expect(lookup('localhost').stdout).to.equal(
      `${SERVER}Name:      localhost\nAddress 1: ::1 localhost\nAddress 2: 127.0.0.1 localhost\n`,
    );
    expect(lookup('busybox').stdout).to.equal(`${SERVER}Name:      busybox\nAddress 1: 10.244.0.7 busybox\n`);
  });

  it('looks up an IP address as itself', () => {
    const r = lookup('10.96.100.40');
    expect(r.stdout).to.equal(
      `${SERVER}Name:      10.96.100.40\nAddress 1: 10.96.100.40 my-nginx.default.svc.cluster.local\n`,
    );
  });

  it('prints the SERVER argument as the server', () => {
    expect(lookup('my-nginx 10.96.0.10').stdout).to.equal(
      `${SERVER}Name:      my-nginx\nAddress 1: 10.96.100.40 my-nginx.default.svc.cluster.local\n`,
    );
  });

  it('shows its usage for no name, an option, or more than two arguments', () => {
    for (const args of ['', '-type=a kubernetes', 'a b c']) {
      const r = lookup(args);
      expect(r.exitCode, args).to.equal(1);
      expect(r.stderr, args).to.include('Usage: nslookup [HOST] [SERVER]');
      expect(r.asked, args).to.deep.equal([]);
    }
  });
});
