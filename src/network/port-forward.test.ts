import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseAddresses, parsePorts } from './port-forward.js';
import { pod, setUp, trafficCluster } from './testing.js';

describe('client-go portforward parsePorts', () => {
  const cases: Array<[string, string[], Array<{ local: number; remote: number }> | string]> = [
    ['one port', ['5000'], [{ local: 5000, remote: 5000 }]],
    ['local and remote', ['8888:5000'], [{ local: 8888, remote: 5000 }]],
    ['random local', [':5000'], [{ local: 0, remote: 5000 }]],
    ['explicit 0', ['0:5000'], [{ local: 0, remote: 5000 }]],
    [
      'several',
      ['5000', '8888:6000'],
      [
        { local: 5000, remote: 5000 },
        { local: 8888, remote: 6000 },
      ],
    ],
    ['three parts', ['1:2:3'], "invalid port format '1:2:3'"],
    ['bad local', ['a:5000'], `error parsing local port 'a': strconv.ParseUint: parsing "a": invalid syntax`],
    [
      'bad remote',
      ['5000:b'],
      `error parsing remote port 'b': strconv.ParseUint: parsing "b": invalid syntax`,
    ],
    [
      'too big',
      ['70000'],
      `error parsing local port '70000': strconv.ParseUint: parsing "70000": value out of range`,
    ],
    ['remote 0', ['5000:0'], 'remote port must be > 0'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      if (typeof expected === 'string') expect(() => parsePorts(input)).to.throw(expected);
      else expect(parsePorts(input)).to.deep.equal(expected);
    });
  }
});

describe('client-go portforward parseAddresses', () => {
  it('turns localhost into 127.0.0.1 and ::1, sorted, and rejects names', () => {
    expect(parseAddresses(['localhost']).map((a) => [a.address, a.protocol, a.failureMode])).to.deep.equal([
      ['127.0.0.1', 'tcp4', 'all'],
      ['::1', 'tcp6', 'all'],
    ]);
    expect(parseAddresses(['localhost', '10.19.21.23', '127.0.0.1']).map((a) => a.address)).to.deep.equal([
      '10.19.21.23',
      '127.0.0.1',
      '::1',
    ]);
    expect(() => parseAddresses(['example.com'])).to.throw('example.com is not a valid IP');
  });
});

describe('port-forward sessions', () => {
  it('listens, refuses a port in use, picks a random local port, and ends when the pod goes', () => {
    const c = trafficCluster();
    setUp(c, [pod('a', 'example/my-app')]);
    const target = { namespace: 'default', pod: 'a', uid: c.store.get('Pod', 'default', 'a')!.metadata.uid! };
    const first = c.network.forwards.open(target, ['localhost'], ['8080:9376']);
    expect(first.stdout).to.equal(
      'Forwarding from 127.0.0.1:8080 -> 9376\nForwarding from [::1]:8080 -> 9376\n',
    );
    const again = c.network.forwards.open(target, ['localhost'], ['8080:9376']);
    expect(again.error).to.equal('unable to listen on any of the requested ports: [{8080 9376}]');
    expect(again.stderr).to.equal(
      'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\n',
    );
    const wildcard = c.network.forwards.open(target, ['0.0.0.0'], ['8080:9376']);
    expect(wildcard.error).to.match(/unable to listen/);
    const random = c.network.forwards.open(target, ['127.0.0.1'], [':9376']);
    const local = random.forward!.ports[0]!.local;
    expect(local).to.be.within(32768, 60999);
    expect(random.stdout).to.equal(`Forwarding from 127.0.0.1:${local} -> 9376\n`);
    expect(c.network.send(`http://127.0.0.1:${local}/`)[0]).to.deep.include({ ok: true, forward: local });

    const [r] = c.network.send('http://localhost:8080/');
    expect(r).to.deep.include({
      source: 'outside',
      forward: 8080,
      pod: 'default/a',
      targetPort: 9376,
      body: 'hello',
    });
    expect(first.forward!.text('stdout')).to.match(/Handling connection for 8080\n$/);

    c.store.delete('Pod', 'default', 'a');
    c.advance(1_000);
    expect(first.forward!.open).to.equal(false);
    expect(first.forward!.text('stderr')).to.equal('error: lost connection to pod\n');
    expect(c.network.forwards.active).to.deep.equal([]);
    expect(c.network.send('http://localhost:8080/')[0]).to.deep.include({
      error: 'refused',
      message: "wget: can't connect to remote host (127.0.0.1): Connection refused",
    });
  });

  it('ends the session when a forwarded connection finds nothing listening in the pod', () => {
    const c = trafficCluster();
    setUp(c, [pod('a', 'example/my-app')]);
    const uid = c.store.get('Pod', 'default', 'a')!.metadata.uid!;
    const { forward } = c.network.forwards.open(
      { namespace: 'default', pod: 'a', uid },
      ['localhost'],
      ['8080:80'],
    );
    expect(c.network.send('http://localhost:8080/')[0]).to.deep.include({ error: 'reset', forward: 8080 });
    expect(forward!.open).to.equal(false);
    expect(forward!.text('stderr')).to.equal(
      `an error occurred forwarding 8080 -> 80: error forwarding port 80 to pod ${uid}: failed to connect to localhost:80 inside the pod: connection refused\nerror: lost connection to pod\n`,
    );
  });
});
