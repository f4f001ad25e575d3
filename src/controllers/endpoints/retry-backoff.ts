/**
 * Per-key retries of a failed sync, as client-go's DefaultControllerRateLimiter counts them:
 * base × 2^(failures-1), capped, and given up after `maxRetries` (the controllers' handleErr).
 * Endpoints: 5 ms base, 15 retries. EndpointSlices: 1 s base, 100 s cap, 15 retries.
 */
export class RetryBackoff {
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly baseMs: number,
    private readonly capMs: number,
    private readonly maxRetries = 15,
  ) {}

  /** The delay before the next try, or undefined when the key has used its retries. */
  next(key: string): number | undefined {
    const n = (this.failures.get(key) ?? 0) + 1;
    if (n > this.maxRetries) {
      this.failures.delete(key);
      return undefined;
    }
    this.failures.set(key, n);
    return Math.min(this.capMs, this.baseMs * 2 ** (n - 1));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}
