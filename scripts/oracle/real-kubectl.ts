/**
 * The real kubectl, pointed at a FakeApiServer that serves a kubesim cluster: a temporary
 * directory holds its kubeconfig, its discovery cache and a `kubectl` link to the binary (usage
 * errors name the binary, so it must be called `kubectl`), and it runs with a clean environment
 * in UTC.
 *
 * Time: describe prints event ages from the host's clock. For describe the server moves every
 * timestamp by a whole number of seconds so that the host's "now" is the simulated now, the
 * command is started just after a second boundary (so a real age is the simulated one plus well
 * under a second), and the absolute times the real kubectl printed are moved back. Other commands
 * get the timestamps unchanged (`get` tables are printed by the server, from simulated time).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rfc1123z } from '../../src/kubectl/describe/time.js';
import type { ClusterView } from '../../src/kubectl/index.js';
import { timestampOf } from '../../src/store/time.js';
import { FakeApiServer } from './fake-apiserver.js';

export const KUBECTL_BINARY = process.env.KUBECTL_ORACLE ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
const EPOCH_MS = Date.UTC(2025, 0, 1);
const TIMEOUT_MS = 20_000;

export interface Output {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export const realKubectlExists = (): boolean => existsSync(KUBECTL_BINARY);

export class RealKubectl {
  readonly server: FakeApiServer;
  private dir = '';
  private env: NodeJS.ProcessEnv = {};

  constructor(private readonly cluster: ClusterView) {
    this.server = new FakeApiServer(cluster);
  }

  async start(): Promise<void> {
    const port = await this.server.start();
    this.dir = mkdtempSync(join(tmpdir(), 'kubesim-oracle-'));
    // The temporary directory goes even if the script dies half-way.
    const dir = this.dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const kubeconfig = join(this.dir, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigFor(port));
    const bin = join(this.dir, 'bin');
    mkdirSync(bin);
    symlinkSync(KUBECTL_BINARY, join(bin, 'kubectl'));
    this.env = { PATH: bin, HOME: this.dir, TZ: 'UTC', KUBECONFIG: kubeconfig, LANG: 'C' };
  }

  async stop(): Promise<void> {
    await this.server.stop();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  /** Runs `kubectl ARGS` against the cluster as it is now. */
  async run(args: readonly string[]): Promise<Output> {
    const argv = [`--cache-dir=${join(this.dir, 'cache')}`, ...args];
    if (!args.includes('describe')) {
      this.server.shiftMs = 0;
      return this.spawn(argv);
    }
    const simNow = this.cluster.now;
    const fraction = (Date.now() - EPOCH_MS - simNow) % 1000;
    if (fraction > 20) await sleep(1000 - fraction + 5);
    const shiftMs = Math.floor((Date.now() - EPOCH_MS - simNow) / 1000) * 1000;
    this.server.shiftMs = shiftMs;
    const out = await this.spawn(argv);
    this.server.shiftMs = 0;
    return { ...out, stdout: unshift(out.stdout, shiftMs), stderr: unshift(out.stderr, shiftMs) };
  }

  private spawn(argv: readonly string[]): Promise<Output> {
    return new Promise((resolve) => {
      const child = spawn('kubectl', argv, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC1123Z =
  /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) \+0000/g;

/** Moves the RFC 1123 times the real kubectl printed back by `shiftMs`, into kubesim's calendar. */
function unshift(text: string, shiftMs: number): string {
  if (shiftMs === 0) return text;
  return text.replace(RFC1123Z, (_all, d, mon, y, h, mi, s) => {
    const at = Date.UTC(Number(y), MONTHS.indexOf(mon), Number(d), Number(h), Number(mi), Number(s));
    return rfc1123z(timestampOf(at - shiftMs - EPOCH_MS));
  });
}
