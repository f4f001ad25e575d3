/**
 * Dev-only oracle: runs the same command lines through kubesim's kubectl and a real kubectl v1.33
 * reading the same objects from a fake API server on 127.0.0.1, and reports every difference in
 * stdout, stderr or exit code. Not part of `npm test` or CI.
 *
 *   npx tsx scripts/oracle/compare.ts [--show] [--print] [--log] [--only=SUBSTRING] [--stage=NAME]
 *
 * --show prints both outputs of each differing command, --print the real output of every
 * command, --log the requests kubectl made,
 * --only runs the command lines containing SUBSTRING, --stage stops after the stage NAME
 * (scenario.ts). KUBECTL_ORACLE=/path overrides the binary.
 *
 * What the comparison means: `get` tables are printed by the API server (the cells here are
 * kubesim's own printers'), so for tables only what kubectl adds is checked (alignment, -o wide
 * column choice, NAMESPACE for -A, --show-labels, -L, kind prefixes, blank lines between types,
 * `No resources found`). Everything else (yaml, json, name, jsonpath, describe, rollout history
 * and status, errors) the real kubectl computes itself from the served objects.
 *
 * Time: describe prints event ages from the host's clock. For describe the server moves every
 * timestamp by a whole number of seconds so that the real clock sees the ages kubesim's simulated
 * clock sees (the command starts just after a second boundary), and the absolute times the real
 * kubectl prints are moved back before comparing. Other commands get the timestamps unchanged.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectl } from '../../src/kubectl/index.js';
import { rfc1123z } from '../../src/kubectl/describe/time.js';
import { timestampOf } from '../../src/store/time.js';
import { type Case, casesFor } from './cases.js';
import { FakeApiServer } from './fake-apiserver.js';
import { newCluster, STAGES } from './scenario.js';

const BINARY = process.env.KUBECTL_ORACLE ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const EPOCH_MS = Date.UTC(2025, 0, 1);
const TIMEOUT_MS = 20_000;

interface Output {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const flags = process.argv.slice(2);
const show = flags.includes('--show');
const showLog = flags.includes('--log');
const print = flags.includes('--print');
const only = flags.find((f) => f.startsWith('--only='))?.slice('--only='.length);
const lastStage = flags.find((f) => f.startsWith('--stage='))?.slice('--stage='.length);

function runReal(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Output> {
  return new Promise((resolve) => {
    const child = spawn(BINARY, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode: code ?? -1 });
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC1123Z = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) \+0000/g;

/** Moves the RFC 1123 times the real kubectl printed back by `shiftMs`, into kubesim's calendar. */
function unshift(text: string, shiftMs: number): string {
  if (shiftMs === 0) return text;
  return text.replace(RFC1123Z, (_all, d, mon, y, h, mi, s) => {
    const at = Date.UTC(Number(y), MONTHS.indexOf(mon), Number(d), Number(h), Number(mi), Number(s));
    return rfc1123z(timestampOf(at - shiftMs - EPOCH_MS));
  });
}

function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `  line ${i + 1}\n    real: ${JSON.stringify(x[i])}\n    ours: ${JSON.stringify(y[i])}`;
  }
  return '';
}

function kubeconfigFor(port: number): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster: {server: "http://127.0.0.1:${port}"}
  name: oracle
contexts:
- context: {cluster: oracle, user: oracle}
  name: oracle
current-context: oracle
users:
- name: oracle
  user: {}
`;
}

async function main(): Promise<void> {
  if (!existsSync(BINARY)) {
    console.log(`skipped: no real kubectl at ${BINARY} (set KUBECTL_ORACLE to its path)`);
    return;
  }
  const cluster = newCluster();
  const server = new FakeApiServer(cluster);
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-oracle-'));
  try {
    const port = await server.start();
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigFor(port));
    const env = { PATH: process.env.PATH, HOME: dir, TZ: 'UTC', KUBECONFIG: kubeconfig, LANG: 'C' };
    let total = 0;
    let same = 0;
    const different: string[] = [];
    for (const stage of STAGES) {
      stage.enter(cluster);
      const cases = casesFor(stage.name, cluster).filter((c) => !only || c.join(' ').includes(only));
      for (const args of cases) {
        total++;
        const ours = kubectl(cluster, args);
        const real = await runRealAt(server, cluster.now, args, env, dir);
        const line = `[${stage.name}] kubectl ${args.join(' ')}`;
        const log = server.log.splice(0);
        if (print) console.log(`$ ${line}  (exit ${real.exitCode})\n${real.stdout}${real.stderr}`);
        if (real.stdout === ours.stdout && real.stderr === ours.stderr && real.exitCode === ours.exitCode) {
          same++;
          if (showLog) console.log(`same: ${line}\n  ${log.join('\n  ')}`);
          continue;
        }
        different.push(line);
        console.log(`### DIFFERENT: ${line}  (exit real ${real.exitCode}, ours ${ours.exitCode})`);
        if (real.stderr !== ours.stderr) console.log(` stderr:\n${firstDifference(real.stderr, ours.stderr)}`);
        if (real.stdout !== ours.stdout) console.log(` stdout:\n${firstDifference(real.stdout, ours.stdout)}`);
        if (show) {
          console.log(`--- real stdout\n${real.stdout}--- real stderr\n${real.stderr}`);
          console.log(`--- ours stdout\n${ours.stdout}--- ours stderr\n${ours.stderr}---`);
        }
        if (showLog || log.some((l) => / (404|405)$/.test(l))) console.log(`  requests:\n  ${log.join('\n  ')}`);
      }
      if (stage.name === lastStage) break;
    }
    console.log(`\n${same} of ${total} command lines byte for byte the same, ${different.length} different`);
    for (const d of different) console.log(`  different: ${d}`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the real kubectl. describe computes ages from the host's clock: the served timestamps are
 * moved so that "now" on the host is the simulated now, the command is started just after a
 * second boundary (so the real age is the simulated one plus well under a second), and the
 * absolute times it printed are moved back.
 */
async function runRealAt(
  server: FakeApiServer,
  simNow: number,
  args: Case,
  env: NodeJS.ProcessEnv,
  dir: string,
): Promise<Output> {
  const argv = [`--cache-dir=${join(dir, 'cache')}`, ...args];
  if (!args.includes('describe')) {
    server.shiftMs = 0;
    return runReal(argv, env);
  }
  const fraction = (Date.now() - EPOCH_MS - simNow) % 1000;
  if (fraction > 20) await sleep(1000 - fraction + 5);
  const shiftMs = Math.floor((Date.now() - EPOCH_MS - simNow) / 1000) * 1000;
  server.shiftMs = shiftMs;
  const out = await runReal(argv, env);
  server.shiftMs = 0;
  return { ...out, stdout: unshift(out.stdout, shiftMs), stderr: unshift(out.stderr, shiftMs) };
}

await main();
