/**
 * A gRPC health check (grpc.health.v1.Health/Check) answered from a process's behaviour, as a
 * server built on grpc-go's health package answers it: the status registered for the service, or
 * `NotFound: unknown service` for a name it does not know.
 */
import type { GrpcServingStatus, ImageBehaviour } from './behaviour.js';
import { answerAt } from './http-answer.js';

/** What a gRPC client sees when it checks the health of `service` on a port of the process. */
export type GrpcHealthResult =
  /** Nothing listens on the port. */
  | { readonly kind: 'refused' }
  /** The port is open but does not speak gRPC: the connection never becomes ready. */
  | { readonly kind: 'not-grpc' }
  /** A gRPC server without the health service: `Unimplemented: unknown service grpc.health.v1.Health`. */
  | { readonly kind: 'unimplemented' }
  /** The health service does not know the service name: `NotFound: unknown service`. */
  | { readonly kind: 'unknown-service' }
  | { readonly kind: 'status'; readonly status: GrpcServingStatus; readonly delayMs: number };

const NOT_GRPC: GrpcHealthResult = Object.freeze({ kind: 'not-grpc' });

/** The health of `service` on `port` of a listening process, `ageMs` after it started. */
export function grpcHealthCheck(
  behaviour: ImageBehaviour,
  port: number,
  service: string,
  ageMs: number,
): GrpcHealthResult {
  const grpc = behaviour.grpc;
  if (!grpc?.ports.includes(port)) return NOT_GRPC;
  if (!grpc.health) return { kind: 'unimplemented' };
  const timeline = Object.hasOwn(grpc.health, service) ? grpc.health[service] : undefined;
  const answer = timeline && answerAt(timeline, ageMs);
  if (!answer) return { kind: 'unknown-service' };
  return { kind: 'status', status: answer.status, delayMs: answer.delayMs ?? 0 };
}
