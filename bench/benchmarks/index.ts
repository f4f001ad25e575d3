import type { Benchmark } from '../harness.js';
import { deployment1000Ready } from './deployment-1000-ready.js';
import { serviceTraffic } from './service-traffic.js';

/**
 * Every benchmark, in the order `npm run bench` runs them. To add one, write
 * bench/benchmarks/NAME.ts exporting a Benchmark (see deployment-1000-ready.ts and the helpers
 * in ../harness.ts) and list it here. Planned: probes-1000x1h, crashloop-24h,
 * rolling-update-1000, rolling-update-10000, service-traffic.
 */
export const BENCHMARKS: readonly Benchmark[] = [deployment1000Ready, serviceTraffic];
