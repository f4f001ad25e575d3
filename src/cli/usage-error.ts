import { KubesimError } from '../core/errors.js';

/** A mistake in how kubesim was invoked: printed without a stack, exit status 2. */
export class UsageError extends KubesimError {
  override name = 'UsageError';
  readonly exitCode = 2;
}
