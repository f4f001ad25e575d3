/**
 * slowStartBatch (replica_set.go): call `fn` `count` times in batches of 1, 2, 4, 8, … A batch
 * with a failure ends it: the later batches are skipped, so a ReplicaSet that cannot create
 * pods (quota, a bad template) makes one failing call instead of hundreds.
 */

/** controller.SlowStartInitialBatchSize */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** Returns the number of successful calls and the first error, if any. */
export function slowStartBatch(
  count: number,
  initialBatchSize: number,
  fn: () => Error | undefined,
): [successes: number, error: Error | undefined] {
  let remaining = count;
  let successes = 0;
  for (
    let batchSize = Math.min(remaining, initialBatchSize);
    batchSize > 0;
    batchSize = Math.min(2 * batchSize, remaining)
  ) {
    // Upstream runs a batch concurrently; every call of the batch is made before errors count.
    const errors: Error[] = [];
    for (let i = 0; i < batchSize; i++) {
      const err = fn();
      if (err) errors.push(err);
    }
    successes += batchSize - errors.length;
    if (errors.length > 0) return [successes, errors[0]];
    remaining -= batchSize;
  }
  return [successes, undefined];
}
