import type { Benchmark } from '../harness.js';
import { crashloop24h } from './crashloop-24h.js';
import { deployment1000Ready } from './deployment-1000-ready.js';
import { probes1000x1h } from './probes-1000x1h.js';
import { rollingUpdate1000, rollingUpdate10000 } from './rolling-update.js';
import { serviceTraffic } from './service-traffic.js';

/**
 * Every benchmark, in the order `npm run bench` runs them. To add one, write
 * bench/benchmarks/NAME.ts exporting a Benchmark (see deployment-1000-ready.ts and the helpers
 * in ../harness.ts) and list it here.
 */
export const BENCHMARKS: readonly Benchmark[] = [
  deployment1000Ready,
  serviceTraffic,
  probes1000x1h,
  crashloop24h,
  rollingUpdate1000,
  rollingUpdate10000,
];
