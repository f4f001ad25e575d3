// npm run bench [NAME…]: runs the named benchmarks (all when none is named), one JSON line each:
//   {"name":"deployment-1000-ready","ok":true,"wall_ms":812.4,"sim_ms":0,"events":5123,…}
// Exits 1 when a benchmark does not reach its goal or a name is unknown.
import { BENCHMARKS } from './benchmarks/index.js';

const names = process.argv.slice(2);
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}\nbenchmarks:`);
  for (const b of BENCHMARKS) console.error(`  ${b.name.padEnd(24)} ${b.description}`);
  process.exit(1);
}

let failed = false;
for (const benchmark of BENCHMARKS.filter((b) => names.length === 0 || names.includes(b.name))) {
  try {
    const result = benchmark.run();
    console.log(JSON.stringify(result));
    if (!result.ok) failed = true;
  } catch (e) {
    // Still exactly one line per benchmark, so that tools reading the output see the failure.
    console.log(JSON.stringify({ name: benchmark.name, ok: false, error: (e as Error).message }));
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
