/**
 * Dev-only: one command line through both kubectls at a stage of the oracle's scenario, printing
 * both outputs in full.
 *
 *   npx tsx scripts/oracle/try.ts [--stage=NAME] get pods --sort-by=.metadata.name
 */
import { kubectl } from '../../src/kubectl/index.js';
import { KUBECTL_BINARY, RealKubectl, realKubectlExists } from './real-kubectl.js';
import { newCluster, STAGES } from './scenario.js';

const argv = process.argv.slice(2);
const stageName = argv[0]?.startsWith('--stage=') ? argv.shift()!.slice('--stage='.length) : 'settled';

async function main(): Promise<void> {
  if (!realKubectlExists()) {
    console.log(`skipped: no real kubectl at ${KUBECTL_BINARY}`);
    return;
  }
  const cluster = newCluster();
  for (const stage of STAGES) {
    stage.enter(cluster);
    if (stage.name === stageName) break;
  }
  const real = new RealKubectl(cluster);
  try {
    await real.start();
    const theirs = await real.run(argv);
    const ours = kubectl(cluster, argv);
    console.log(`--- real (exit ${theirs.exitCode})\n${theirs.stdout}--- real stderr\n${theirs.stderr}`);
    console.log(`--- ours (exit ${ours.exitCode})\n${ours.stdout}--- ours stderr\n${ours.stderr}---`);
    console.log(theirs.stdout === ours.stdout && theirs.stderr === ours.stderr ? 'SAME' : 'DIFFERENT');
    console.log(`requests:\n  ${real.server.log.join('\n  ')}`);
  } finally {
    await real.stop();
  }
}

await main();
