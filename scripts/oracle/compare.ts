/**
 * Dev-only oracle: runs the same command lines through kubesim's kubectl and a real kubectl v1.33
 * reading the same objects from a fake API server on 127.0.0.1 (fake-apiserver.ts), at each
 * stage of one scenario (scenario.ts), and reports every difference in stdout, stderr or exit
 * code. Not part of `npm test` or CI; without the binary it says so and exits 0.
 *
 *   npx tsx scripts/oracle/compare.ts [--show] [--print] [--log] [--only=SUBSTRING] [--stage=NAME]
 *
 * --show prints both outputs of each differing command, --print the real output of every
 * command, --log the requests kubectl made, --only runs the command lines containing SUBSTRING,
 * --stage stops after the stage NAME. KUBECTL_ORACLE=/path overrides the binary.
 *
 * What the comparison means: `get` tables are printed by the API server (the cells here are
 * kubesim's own printers'), so for tables only what kubectl adds is checked (alignment, -o wide
 * column choice, NAMESPACE for -A, --show-labels, -L, kind prefixes, blank lines between types,
 * --sort-by, `No resources found`). Everything else (yaml, json, name, jsonpath, describe,
 * rollout history and status, errors) the real kubectl computes itself from the served objects.
 * How ages are made comparable: real-kubectl.ts.
 */
import { kubectl } from '../../src/kubectl/index.js';
import { casesFor } from './cases.js';
import { KUBECTL_BINARY, RealKubectl, realKubectlExists } from './real-kubectl.js';
import { newCluster, STAGES } from './scenario.js';

const flags = process.argv.slice(2);
const show = flags.includes('--show');
const print = flags.includes('--print');
const showLog = flags.includes('--log');
const only = flags.find((f) => f.startsWith('--only='))?.slice('--only='.length);
const lastStage = flags.find((f) => f.startsWith('--stage='))?.slice('--stage='.length);

function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i])
      return `  line ${i + 1}\n    real: ${JSON.stringify(x[i])}\n    ours: ${JSON.stringify(y[i])}`;
  }
  return '';
}

async function main(): Promise<void> {
  if (!realKubectlExists()) {
    console.log(`skipped: no real kubectl at ${KUBECTL_BINARY} (set KUBECTL_ORACLE to its path)`);
    return;
  }
  const cluster = newCluster();
  const real = new RealKubectl(cluster);
  try {
    await real.start();
    let total = 0;
    let same = 0;
    const different: string[] = [];
    for (const stage of STAGES) {
      stage.enter(cluster);
      const cases = casesFor(stage.name, cluster).filter((c) => !only || c.join(' ').includes(only));
      for (const args of cases) {
        total++;
        // The real kubectl first: kubesim's may let simulated time pass (rollout status waits).
        const theirs = await real.run(args);
        const ours = kubectl(cluster, args);
        const line = `[${stage.name}] kubectl ${args.join(' ')}`;
        const log = real.server.log.splice(0);
        if (print) console.log(`$ ${line}  (exit ${theirs.exitCode})\n${theirs.stdout}${theirs.stderr}`);
        if (
          theirs.stdout === ours.stdout &&
          theirs.stderr === ours.stderr &&
          theirs.exitCode === ours.exitCode
        ) {
          same++;
          if (showLog) console.log(`same: ${line}\n  ${log.join('\n  ')}`);
          continue;
        }
        different.push(line);
        console.log(`### DIFFERENT: ${line}  (exit real ${theirs.exitCode}, ours ${ours.exitCode})`);
        if (theirs.stderr !== ours.stderr)
          console.log(` stderr:\n${firstDifference(theirs.stderr, ours.stderr)}`);
        if (theirs.stdout !== ours.stdout)
          console.log(` stdout:\n${firstDifference(theirs.stdout, ours.stdout)}`);
        if (show) {
          console.log(`--- real stdout\n${theirs.stdout}--- real stderr\n${theirs.stderr}`);
          console.log(`--- ours stdout\n${ours.stdout}--- ours stderr\n${ours.stderr}---`);
        }
        if (showLog || log.some((l) => / (404|405)$/.test(l)))
          console.log(`  requests:\n  ${log.join('\n  ')}`);
      }
      if (stage.name === lastStage) break;
    }
    console.log(`\n${same} of ${total} command lines byte for byte the same, ${different.length} different`);
    for (const d of different) console.log(`  different: ${d}`);
  } finally {
    await real.stop();
  }
}

await main();
