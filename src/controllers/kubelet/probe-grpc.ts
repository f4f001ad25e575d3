/**
 * A grpc probe (pkg/probe/grpc/grpc.go): a blocking dial of `<podIP>:<port>` and a
 * grpc.health.v1.Health/Check of `service`, both within timeoutSeconds. Every problem is a
 * Failure (never a prober error), with grpc.go's texts:
 *   SERVING                     → Success (`service healthy`)
 *   another status              → `service unhealthy (responded with "NOT_SERVING")`
 *   nothing listens, or the port does not speak gRPC: the blocking dial retries until the
 *                                 deadline → `timeout: failed to connect service "10.244.0.5:9090"
 *                                 within 1s: context deadline exceeded`
 *   no health service           → `error: this server does not implement the grpc health protocol
 *                                 (grpc.health.v1.Health): unknown service grpc.health.v1.Health`
 *   a service it does not know  → `error: health rpc probe failed: rpc error: code = NotFound
 *                                 desc = unknown service` (grpc-go's health server)
 *   an answer slower than the timeout → `timeout: health rpc did not complete within 1s`
 * The probe always goes to the pod IP (no host, no named port: the API has neither). The dial and
 * the Check share one deadline, so a failed dial and a slow answer take the timeout, and an
 * answer in time takes its delay (the outcome's `delayMs`, when the prober learns it).
 */
import { formatDuration } from '../../core/duration.js';
import type { GrpcHealthResult } from '../../images/grpc-health.js';
import { after } from './probe-outcome.js';
import { joinHostPort } from './probe-request.js';
import type { Outcome } from './prober.js';

/** What answers a gRPC health check on a port (a container's process). */
export interface GrpcTarget {
  grpcHealth(port: number, service: string): GrpcHealthResult;
}

const HEALTHY: Outcome = Object.freeze({ result: 'Success', output: 'service healthy' });

/** grpc.go Probe(host, service, port, timeout); `target` is what listens on the port, if anything. */
export function grpcProbe(
  podIP: string,
  service: string,
  port: number,
  timeoutMs: number,
  target: GrpcTarget | undefined,
): Outcome {
  const answer = target?.grpcHealth(port, service) ?? ({ kind: 'refused' } as const);
  if (answer.kind === 'status' && answer.status === 'SERVING' && answer.delayMs < timeoutMs) {
    return after(answer.delayMs, HEALTHY);
  }
  const timeout = formatDuration(timeoutMs);
  switch (answer.kind) {
    case 'refused':
    case 'not-grpc': {
      const addr = joinHostPort(podIP, port);
      // grpc.WithBlock: the dial retries until the deadline.
      return after(
        timeoutMs,
        failure(
          `timeout: failed to connect service ${JSON.stringify(addr)} within ${timeout}: context deadline exceeded`,
        ),
      );
    }
    case 'unimplemented':
      return failure(
        'error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ' +
          'unknown service grpc.health.v1.Health',
      );
    case 'unknown-service':
      return failure('error: health rpc probe failed: rpc error: code = NotFound desc = unknown service');
    case 'status':
      if (answer.delayMs >= timeoutMs)
        return after(timeoutMs, failure(`timeout: health rpc did not complete within ${timeout}`));
      return after(
        answer.delayMs,
        failure(`service unhealthy (responded with ${JSON.stringify(answer.status)})`),
      );
  }
}

function failure(output: string): Outcome {
  return { result: 'Failure', output };
}
