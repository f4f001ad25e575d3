import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { GrpcHealthResult } from '../../images/grpc-health.js';
import { type GrpcTarget, grpcProbe } from './probe-grpc.js';

/** A server on the probed port answering every Check with `result`. */
const server = (result: GrpcHealthResult): GrpcTarget => ({ grpcHealth: () => result });

describe('the grpc probe (pkg/probe/grpc/grpc.go)', () => {
  // grpc_test.go TestGrpcProber_Probe
  it('fails, without an error, when it cannot connect: the blocking dial runs into the timeout', () => {
    expect(grpcProbe('', '', 32, 1000, undefined)).to.deep.equal({
      result: 'Failure',
      output: 'timeout: failed to connect service ":32" within 1s: context deadline exceeded',
      delayMs: 1000,
    });
  });

  it('fails when the port answers HTTP/1 only (the connection is closed)', () => {
    expect(grpcProbe('127.0.0.1', '', 8080, 1000, server({ kind: 'not-grpc' }))).to.deep.equal({
      result: 'Failure',
      output: 'timeout: failed to connect service "127.0.0.1:8080" within 1s: context deadline exceeded',
      delayMs: 1000,
    });
  });

  it('fails when the server responds NOT_SERVING', () => {
    expect(
      grpcProbe('0.0.0.0', '', 5000, 1000, server({ kind: 'status', status: 'NOT_SERVING', delayMs: 0 })),
    ).to.deep.equal({
      result: 'Failure',
      output: 'service unhealthy (responded with "NOT_SERVING")',
    });
  });

  it('fails when the server does not respond in time', () => {
    // errorTimeoutServerMock sleeps 4 s; the probe's timeout is 2 s.
    expect(
      grpcProbe('0.0.0.0', '', 5000, 2000, server({ kind: 'status', status: 'SERVING', delayMs: 4000 })),
    ).to.deep.equal({
      result: 'Failure',
      output: 'timeout: health rpc did not complete within 2s',
      delayMs: 2000,
    });
  });

  it('succeeds when the check answers SERVING', () => {
    expect(
      grpcProbe('0.0.0.0', '', 5000, 2000, server({ kind: 'status', status: 'SERVING', delayMs: 0 })),
    ).to.deep.equal({
      result: 'Success',
      output: 'service healthy',
    });
  });

  // kubesim rows: when the prober learns the result (the call blocks until the answer or the deadline).
  it('takes the answer’s delay when it comes in time, and the timeout when it does not', () => {
    const answering = (delayMs: number) => server({ kind: 'status', status: 'SERVING', delayMs });
    expect(grpcProbe('10.244.0.5', '', 9090, 2000, answering(1500))).to.deep.equal({
      result: 'Success',
      output: 'service healthy',
      delayMs: 1500,
    });
    expect(grpcProbe('10.244.0.5', '', 9090, 2000, answering(2000)).delayMs).to.equal(2000);
    expect(grpcProbe('10.244.0.5', '', 9090, 2000, answering(60_000)).delayMs).to.equal(2000);
    expect(grpcProbe('10.244.0.5', '', 9090, 2000, answering(0)).delayMs).to.equal(undefined);
    expect(grpcProbe('10.244.0.5', '', 9090, 3000, server({ kind: 'refused' })).delayMs).to.equal(3000);
    expect(grpcProbe('10.244.0.5', '', 9090, 3000, server({ kind: 'unimplemented' })).delayMs).to.equal(
      undefined,
    );
  });

  // kubesim rows: the other branches of grpc.go
  it('names the pod IP and port of a refused dial, with the timeout as Go prints it', () => {
    expect(grpcProbe('10.244.0.5', '', 9090, 3000, server({ kind: 'refused' })).output).to.equal(
      'timeout: failed to connect service "10.244.0.5:9090" within 3s: context deadline exceeded',
    );
  });

  it('reports a server without the health service (Unimplemented)', () => {
    expect(grpcProbe('10.244.0.5', '', 9090, 1000, server({ kind: 'unimplemented' })).output).to.equal(
      'error: this server does not implement the grpc health protocol (grpc.health.v1.Health): unknown service grpc.health.v1.Health',
    );
  });

  it('reports a service name the health server does not know (NotFound)', () => {
    expect(
      grpcProbe('10.244.0.5', 'liveness', 9090, 1000, server({ kind: 'unknown-service' })).output,
    ).to.equal('error: health rpc probe failed: rpc error: code = NotFound desc = unknown service');
  });

  it('reports UNKNOWN as unhealthy', () => {
    expect(
      grpcProbe('10.244.0.5', '', 9090, 1000, server({ kind: 'status', status: 'UNKNOWN', delayMs: 0 }))
        .output,
    ).to.equal('service unhealthy (responded with "UNKNOWN")');
  });

  it('asks the target for the probe’s service on the probe’s port', () => {
    const asked: Array<[number, string]> = [];
    const target: GrpcTarget = {
      grpcHealth(port, service) {
        asked.push([port, service]);
        return { kind: 'status', status: 'SERVING', delayMs: 0 };
      },
    };
    grpcProbe('10.244.0.5', 'readiness', 2379, 1000, target);
    expect(asked).to.deep.equal([[2379, 'readiness']]);
  });
});
