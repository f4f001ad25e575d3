import { type Gen, SIGNAL_NUMBERS, type Signal } from '../effects.js';
import { type Applet, type AppletContext, usage } from './types.js';

/** Process and system applets: sleep, env, printenv, hostname, id, uname, kill, ps, sh, busybox. */

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parsed `sleep` arguments: loops pass the same text every time. */
const durations = new Map<string, number | undefined>();

function durationMs(arg: string): number | undefined {
  if (durations.has(arg)) return durations.get(arg);
  let ms: number | undefined;
  if (/^inf/i.test(arg)) ms = Number.POSITIVE_INFINITY;
  else {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    ms = m ? Number(m[1]) * UNIT_MS[m[2]!]! : undefined;
  }
  if (durations.size > 1000) durations.clear();
  durations.set(arg, ms);
  return ms;
}

/**
 * busybox sleep (FANCY_SLEEP + FLOAT_SLEEP): fractions, s/m/h/d suffixes, several arguments
 * summed, and `inf`/`infinity` for ever.
 */
export function* sleep(ctx: AppletContext): Gen<number> {
  const argv = ctx.argv;
  if (argv.length < 2) return usage(ctx, 'sleep [N]...');
  let total = 0;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const ms = durationMs(a);
    if (ms === undefined) {
      ctx.fds.stderr.write(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += ms;
  }
  const ms = Number.isFinite(total) ? Math.round(total) : total;
  if (ms > 0) yield { type: 'sleep', ms };
  return 0;
}

export function* usleep(ctx: AppletContext): Gen<number> {
  const n = Number(ctx.argv[1] ?? '0');
  if (!Number.isFinite(n)) {
    ctx.fds.stderr.write(`usleep: invalid number '${ctx.argv[1]}'\n`);
    return 1;
  }
  const ms = Math.round(n / 1000);
  if (ms > 0) yield { type: 'sleep', ms };
  return 0;
}

/** `env` prints the environment in the order the process got it; `env [-i] [-u N] [N=V…] CMD` runs CMD. */
export function* env(ctx: AppletContext): Gen<number> {
  const args = ctx.argv.slice(1);
  let vars: Array<readonly [string, string]> = [...ctx.env];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars = [];
    else if (a === '-u') vars = vars.filter(([k]) => k !== args[++i]);
    else if (a === '--') {
      i++;
      break;
    } else if (a === '-0') continue;
    else break;
  }
  for (; i < args.length && /^[^=]+=/.test(args[i]!); i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const k = a.slice(0, eq);
    const idx = vars.findIndex(([n]) => n === k);
    if (idx >= 0) vars[idx] = [k, a.slice(eq + 1)];
    else vars.push([k, a.slice(eq + 1)]);
  }
  const command = args.slice(i);
  if (command.length === 0) {
    ctx.fds.stdout.write(vars.map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const status = yield* ctx.sys.run(command, ctx.fds, vars);
  return status === 127 ? 127 : status;
}

export const printenv: Applet = (ctx) => {
  const names = ctx.argv.slice(1);
  if (names.length === 0) {
    ctx.fds.stdout.write(ctx.env.map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  let out = '';
  for (const n of names) {
    const found = ctx.env.find(([k]) => k === n);
    if (found) out += `${found[1]}\n`;
    else status = 1;
  }
  ctx.fds.stdout.write(out);
  return status;
};

/** The /etc/hosts line naming this host: [ip, names…]. */
function hostsEntry(ctx: AppletContext): string[] | undefined {
  let text = '';
  try {
    text = ctx.sys.fs.readFile('/etc/hosts');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length > 1 && fields.slice(1).includes(ctx.sys.hostname)) return fields;
  }
  return undefined;
}

export const hostname: Applet = (ctx) => {
  const flag = ctx.argv[1];
  const host = ctx.sys.hostname;
  if (flag === undefined) {
    ctx.fds.stdout.write(`${host}\n`);
    return 0;
  }
  const entry = hostsEntry(ctx);
  switch (flag) {
    case '-s':
      ctx.fds.stdout.write(`${host.split('.')[0]}\n`);
      return 0;
    case '-i':
      if (!entry) {
        ctx.fds.stderr.write(`hostname: ${host}: Unknown host\n`);
        return 1;
      }
      ctx.fds.stdout.write(`${entry[0]}\n`);
      return 0;
    case '-f': {
      const fqdn = entry?.slice(1).find((n) => n.startsWith(`${host}.`)) ?? host;
      ctx.fds.stdout.write(`${fqdn}\n`);
      return 0;
    }
    case '-d': {
      const fqdn = entry?.slice(1).find((n) => n.startsWith(`${host}.`));
      ctx.fds.stdout.write(`${fqdn ? fqdn.slice(host.length + 1) : ''}\n`);
      return 0;
    }
    default:
      if (flag.startsWith('-')) return usage(ctx, 'hostname [-sidf] [HOSTNAME | -F FILE]');
      ctx.fds.stderr.write('hostname: sethostname: Operation not permitted\n');
      return 1;
  }
};

export const id: Applet = (ctx) => {
  const flags = ctx.argv.slice(1).join('');
  if (flags.includes('u')) ctx.fds.stdout.write(flags.includes('n') ? 'root\n' : '0\n');
  else if (flags.includes('g')) ctx.fds.stdout.write(flags.includes('n') ? 'root\n' : '0\n');
  else ctx.fds.stdout.write('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
  return 0;
};

export const whoami: Applet = (ctx) => {
  ctx.fds.stdout.write('root\n');
  return 0;
};

export const uname: Applet = (ctx) => {
  const fields: Record<string, string> = {
    s: 'Linux',
    n: ctx.sys.hostname,
    r: '6.8.0-kubesim',
    v: '#1 SMP PREEMPT_DYNAMIC',
    m: 'x86_64',
    o: 'GNU/Linux',
  };
  let flags = ctx.argv.slice(1).join('').replace(/-/g, '');
  if (flags === '') flags = 's';
  if (flags.includes('a')) flags = 'snrvmo';
  const out = [...'snrvmpio']
    .filter((f) => flags.includes(f))
    .map((f) => (f === 'p' || f === 'i' ? 'unknown' : fields[f]))
    .join(' ');
  ctx.fds.stdout.write(`${out}\n`);
  return 0;
};

/** Signal names and numbers as `kill -l` lists them. */
export function signalNumber(name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  const upper = name.toUpperCase();
  const full = (upper.startsWith('SIG') ? upper : `SIG${upper}`) as Signal;
  if (full in SIGNAL_NUMBERS) return SIGNAL_NUMBERS[full];
  const extra: Record<string, number> = {
    SIGCHLD: 17,
    SIGCONT: 18,
    SIGSTOP: 19,
    SIGTSTP: 20,
    SIGPIPE: 13,
    SIGALRM: 14,
    SIGWINCH: 28,
  };
  return extra[full];
}

export function signalName(signo: number): string | undefined {
  for (const [name, n] of Object.entries(SIGNAL_NUMBERS)) if (n === signo) return name.slice(3);
  const extra: Record<number, string> = {
    13: 'PIPE',
    14: 'ALRM',
    17: 'CHLD',
    18: 'CONT',
    19: 'STOP',
    20: 'TSTP',
    28: 'WINCH',
  };
  return extra[signo];
}

/** procps/kill.c: `kill [-SIG | -s SIG] PID…`, `kill -l`. */
export const kill: Applet = (ctx) => {
  const args = ctx.argv.slice(1);
  let signo = 15;
  if (args[0] === '-l') {
    const n = args[1];
    if (n !== undefined) {
      const name = /^\d+$/.test(n)
        ? signalName(Number(n) > 128 ? Number(n) - 128 : Number(n))
        : String(signalNumber(n) ?? '');
      if (!name) {
        ctx.fds.stderr.write(`${ctx.errName}: bad signal name '${n}'\n`);
        return 1;
      }
      ctx.fds.stdout.write(`${name}\n`);
      return 0;
    }
    const names = [];
    for (let i = 1; i < 32; i++) {
      const name = signalName(i);
      if (name) names.push(`${String(i).padStart(2)}) ${name}`);
    }
    ctx.fds.stdout.write(`${names.join('\n')}\n`);
    return 0;
  }
  if (args[0] === '-s') {
    const n = signalNumber(args[1] ?? '');
    if (n === undefined) {
      ctx.fds.stderr.write(`${ctx.errName}: bad signal name '${args[1]}'\n`);
      return 1;
    }
    signo = n;
    args.splice(0, 2);
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    const n = signalNumber(args[0].slice(1));
    if (n === undefined) {
      ctx.fds.stderr.write(`${ctx.errName}: bad signal name '${args[0].slice(1)}'\n`);
      return 1;
    }
    signo = n;
    args.shift();
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) return usage(ctx, 'kill [-l] [-SIG] PID...');
  let status = 0;
  for (const a of args) {
    const pid = Number(a);
    if (!/^-?\d+$/.test(a)) {
      ctx.fds.stderr.write(`${ctx.errName}: invalid number '${a}'\n`);
      status = 1;
      continue;
    }
    if (!ctx.sys.kill(pid, signo)) {
      ctx.fds.stderr.write(`${ctx.errName}: can't kill pid ${pid}: No such process\n`);
      status = 1;
    }
  }
  return status;
};

export const ps: Applet = (ctx) => {
  let out = 'PID   USER     TIME  COMMAND\n';
  for (const p of ctx.sys.processes()) {
    out += `${String(p.pid).padStart(5)} root      0:00 ${p.command}\n`;
  }
  ctx.fds.stdout.write(out);
  return 0;
};

export const trueCmd: Applet = () => 0;
export const falseCmd: Applet = () => 1;

export const sync: Applet = () => 0;

export const pwd: Applet = (ctx) => {
  ctx.fds.stdout.write(`${ctx.sys.cwd}\n`);
  return 0;
};

export function* nohup(ctx: AppletContext): Gen<number> {
  if (ctx.argv.length < 2) return usage(ctx, 'nohup PROG ARGS');
  return yield* ctx.sys.run(ctx.argv.slice(1), ctx.fds, ctx.env);
}

export function* shApplet(ctx: AppletContext): Gen<number> {
  return yield* ctx.sys.shell(ctx.argv, ctx.fds, ctx.env);
}

export function* busybox(ctx: AppletContext, names: () => readonly string[]): Gen<number> {
  const args = ctx.argv.slice(1);
  if (args[0] === '--list') {
    ctx.fds.stdout.write(
      names()
        .map((n) => `${n}\n`)
        .join(''),
    );
    return 0;
  }
  if (args.length === 0 || args[0] === '--help') {
    ctx.fds.stdout.write(
      'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: function [arguments]...\n',
    );
    return 0;
  }
  return yield* ctx.sys.run(args, ctx.fds, ctx.env);
}

export const which: Applet = (ctx) => {
  let status = 0;
  for (const name of ctx.argv.slice(1)) {
    const found = name.includes('/')
      ? ctx.sys.fs.isFile(ctx.sys.resolve(name))
        ? name
        : undefined
      : findInPath(ctx, name);
    if (found) ctx.fds.stdout.write(`${found}\n`);
    else status = 1;
  }
  return status;
};

function findInPath(ctx: AppletContext, name: string): string | undefined {
  const path = ctx.env.find(([k]) => k === 'PATH')?.[1] ?? '/usr/sbin:/usr/bin:/sbin:/bin';
  for (const dir of path.split(':')) {
    const candidate = `${dir.replace(/\/$/, '')}/${name}`;
    const st = ctx.sys.fs.stat(candidate);
    if (st?.kind === 'file' && st.mode & 0o111) return candidate;
  }
  return undefined;
}
