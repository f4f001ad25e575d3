import type { Gen } from '../effects.js';
import { VfsError, type VfsNode } from '../vfs.js';
import { formatLsTime } from './date.js';
import { type Applet, type AppletContext, parseFlags, usage } from './types.js';

/** busybox file applets (coreutils/*.c, libbb/remove_file.c, libbb/make_directory.c) over the VFS. */

function reason(e: unknown): string {
  if (e instanceof VfsError) return e.reason;
  throw e;
}

export const touch: Applet = (ctx) => {
  const opts = parseFlags(
    ctx,
    ctx.argv.slice(1),
    'cam',
    'drt',
    'touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...',
  );
  if (!opts) return 1;
  if (opts.rest.length === 0) return usage(ctx, 'touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...');
  let status = 0;
  for (const f of opts.rest) {
    const path = ctx.sys.resolve(f);
    if (opts.flags.has('c') && !ctx.sys.fs.exists(path)) continue;
    try {
      ctx.sys.fs.touch(path);
    } catch (e) {
      ctx.fds.stderr.write(`touch: ${f}: ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const rm: Applet = (ctx) => {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'fiRrv', '', 'rm [-irf] FILE...');
  if (!opts) return 1;
  const force = opts.flags.has('f');
  const recursive = opts.flags.has('r') || opts.flags.has('R');
  if (opts.rest.length === 0) return force ? 0 : usage(ctx, 'rm [-irf] FILE...');
  let status = 0;
  for (const f of opts.rest) {
    const path = ctx.sys.resolve(f);
    const node = ctx.sys.fs.lookup(path);
    if (!node) {
      if (!force) {
        ctx.fds.stderr.write(`rm: can't remove '${f}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (node.kind === 'dir' && !recursive) {
      ctx.fds.stderr.write(`rm: '${f}' is a directory\n`);
      status = 1;
      continue;
    }
    status = removeTree(ctx, f, path, node, force, opts.flags.has('v')) || status;
  }
  return status;
};

/** Removes depth first like busybox `remove_file`, reporting each entry that cannot go. */
function removeTree(
  ctx: AppletContext,
  shown: string,
  path: string,
  node: VfsNode,
  force: boolean,
  verbose: boolean,
): number {
  let status = 0;
  if (node.kind === 'dir') {
    for (const name of [...node.children.keys()]) {
      const child = node.children.get(name)!;
      status =
        removeTree(
          ctx,
          `${shown.replace(/\/$/, '')}/${name}`,
          `${path === '/' ? '' : path}/${name}`,
          child,
          force,
          verbose,
        ) || status;
    }
    if (ctx.sys.fs.isMountPoint(path)) {
      ctx.fds.stderr.write(`rm: can't remove '${shown}': Resource busy\n`);
      return 1;
    }
    if (status) return status;
  }
  try {
    ctx.sys.fs.remove(path, { recursive: true });
    if (verbose) ctx.fds.stdout.write(`removed${node.kind === 'dir' ? ' directory' : ''} '${shown}'\n`);
  } catch (e) {
    ctx.fds.stderr.write(`rm: can't remove '${shown}': ${reason(e)}\n`);
    return 1;
  }
  return 0;
}

export const rmdir: Applet = (ctx) => {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'p', '', 'rmdir [-p] DIRECTORY...');
  if (!opts) return 1;
  if (opts.rest.length === 0) return usage(ctx, 'rmdir [-p] DIRECTORY...');
  let status = 0;
  for (const f of opts.rest) {
    const path = ctx.sys.resolve(f);
    const node = ctx.sys.fs.lookup(path);
    let err: string | undefined;
    if (!node) err = 'No such file or directory';
    else if (node.kind !== 'dir') err = 'Not a directory';
    else if (node.children.size > 0) err = 'Directory not empty';
    else {
      try {
        ctx.sys.fs.remove(path, { recursive: true });
      } catch (e) {
        err = reason(e);
      }
    }
    if (err) {
      ctx.fds.stderr.write(`rmdir: '${f}': ${err}\n`);
      status = 1;
    }
  }
  return status;
};

export const mkdir: Applet = (ctx) => {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'pv', 'm', 'mkdir [-m MODE] [-p] DIRECTORY...');
  if (!opts) return 1;
  if (opts.rest.length === 0) return usage(ctx, 'mkdir [-m MODE] [-p] DIRECTORY...');
  const modeText = opts.values.get('m');
  const mode = modeText && /^[0-7]+$/.test(modeText) ? Number.parseInt(modeText, 8) : undefined;
  let status = 0;
  for (const f of opts.rest) {
    try {
      const options: { parents?: boolean; mode?: number } = { parents: opts.flags.has('p') };
      if (mode !== undefined) options.mode = mode;
      ctx.sys.fs.mkdir(ctx.sys.resolve(f), options);
    } catch (e) {
      ctx.fds.stderr.write(`mkdir: can't create directory '${f}': ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export function* cat(ctx: AppletContext): Gen<number> {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'nbvteAu', '', 'cat [-nbvteA] [FILE]...');
  if (!opts) return 1;
  const files = opts.rest.length === 0 ? ['-'] : opts.rest;
  let status = 0;
  let lineNo = 1;
  for (const f of files) {
    let text: string;
    if (f === '-') {
      text = ctx.fds.stdin.readAll();
      if (ctx.fds.stdin.blocksAtEnd) {
        ctx.fds.stdout.write(text);
        yield { type: 'sleep', ms: Number.POSITIVE_INFINITY };
        continue;
      }
    } else {
      try {
        text = ctx.sys.fs.readFile(ctx.sys.resolve(f));
      } catch (e) {
        if (e instanceof VfsError && e.code === 'EISDIR') {
          ctx.fds.stderr.write('cat: read error: Is a directory\n');
        } else {
          ctx.fds.stderr.write(`cat: can't open '${f}': ${reason(e)}\n`);
        }
        status = 1;
        continue;
      }
    }
    if (opts.flags.has('n') || opts.flags.has('b')) {
      const onlyNonBlank = opts.flags.has('b');
      const lines = text.split('\n');
      const last = lines.pop();
      let out = '';
      for (const l of lines) {
        out += onlyNonBlank && l === '' ? '\n' : `${String(lineNo++).padStart(6)}\t${l}\n`;
      }
      if (last) out += `${String(lineNo++).padStart(6)}\t${last}`;
      text = out;
    }
    ctx.fds.stdout.write(text);
  }
  return status;
}

function modeString(kind: 'file' | 'dir', mode: number): string {
  const bits = 'rwxrwxrwx';
  let s = kind === 'dir' ? 'd' : '-';
  for (let i = 0; i < 9; i++) s += mode & (1 << (8 - i)) ? bits[i] : '-';
  if (mode & 0o1000) s = s.slice(0, 9) + (mode & 1 ? 't' : 'T');
  return s;
}

export const ls: Applet = (ctx) => {
  const opts = parseFlags(
    ctx,
    ctx.argv.slice(1),
    'lAa1dhrtSFpein',
    '',
    'ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...',
  );
  if (!opts) return 1;
  const long = opts.flags.has('l') || opts.flags.has('n');
  const all = opts.flags.has('a');
  const almostAll = opts.flags.has('A');
  const classify = opts.flags.has('F') || opts.flags.has('p');
  const fs = ctx.sys.fs;
  const args = opts.rest.length === 0 ? ['.'] : opts.rest;
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const a of args) {
    const st = fs.stat(ctx.sys.resolve(a));
    if (!st) {
      ctx.fds.stderr.write(`ls: ${a}: No such file or directory\n`);
      status = 1;
    } else if (st.kind === 'dir' && !opts.flags.has('d')) dirs.push(a);
    else files.push(a);
  }
  const line = (shown: string, path: string): string => {
    const st = fs.stat(path)!;
    const suffix =
      classify && st.kind === 'dir'
        ? '/'
        : classify && st.mode & 0o111
          ? opts.flags.has('F')
            ? '*'
            : ''
          : '';
    if (!long) return `${shown}${suffix}\n`;
    const node = fs.lookup(path)!;
    const links =
      node.kind === 'dir' ? 2 + [...node.children.values()].filter((c) => c.kind === 'dir').length : 1;
    const owner = opts.flags.has('n') ? '0       ' : 'root    ';
    return `${modeString(st.kind, st.mode)} ${String(links).padStart(4)} ${owner} ${owner} ${String(st.size).padStart(9)} ${formatLsTime(ctx.sys.epochMs + st.mtime)} ${shown}${suffix}\n`;
  };
  let out = '';
  files.sort();
  for (const f of files) out += line(f, ctx.sys.resolve(f));
  dirs.sort();
  const many = files.length + dirs.length > 1;
  dirs.forEach((d, i) => {
    if (many) out += `${i > 0 || files.length > 0 ? '\n' : ''}${d}:\n`;
    const path = ctx.sys.resolve(d);
    let names = fs.readdir(path).filter((n) => all || almostAll || !n.startsWith('.'));
    if (opts.flags.has('t'))
      names = names.sort((a, b) => fs.stat(`${path}/${b}`)!.mtime - fs.stat(`${path}/${a}`)!.mtime);
    if (opts.flags.has('S'))
      names = names.sort((a, b) => fs.stat(`${path}/${b}`)!.size - fs.stat(`${path}/${a}`)!.size);
    if (opts.flags.has('r')) names.reverse();
    if (long) {
      const blocks = names.reduce(
        (sum, n) => sum + Math.ceil((fs.stat(`${path}/${n}`)?.size ?? 0) / 4096) * 4,
        0,
      );
      out += `total ${blocks}\n`;
    }
    if (all) out += line('.', path) + line('..', ctx.sys.resolve(`${d}/..`));
    for (const n of names) out += line(n, `${path === '/' ? '' : path}/${n}`);
  });
  ctx.fds.stdout.write(out);
  return status;
};

function copyNode(node: VfsNode): VfsNode {
  if (node.kind === 'file')
    return { kind: 'file', content: node.content, mode: node.mode, mtime: node.mtime };
  const children = new Map<string, VfsNode>();
  for (const [k, v] of node.children) children.set(k, copyNode(v));
  return { kind: 'dir', children, mode: node.mode, mtime: node.mtime };
}

export const cp: Applet = (ctx) => {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'rRapfivdPLHnsl', '', 'cp [-arPLHpfinlsTu] SOURCE DEST');
  if (!opts) return 1;
  if (opts.rest.length < 2) return usage(ctx, 'cp [-arPLHpfinlsTu] SOURCE DEST');
  const fs = ctx.sys.fs;
  const recursive = opts.flags.has('r') || opts.flags.has('R') || opts.flags.has('a');
  const dest = opts.rest[opts.rest.length - 1]!;
  const sources = opts.rest.slice(0, -1);
  const destPath = ctx.sys.resolve(dest);
  const destIsDir = fs.isDir(destPath);
  if (sources.length > 1 && !destIsDir) {
    ctx.fds.stderr.write(`cp: '${dest}' is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const s of sources) {
    const src = fs.lookup(ctx.sys.resolve(s));
    if (!src) {
      ctx.fds.stderr.write(`cp: can't stat '${s}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (src.kind === 'dir' && !recursive) {
      ctx.fds.stderr.write(`cp: omitting directory '${s}'\n`);
      status = 1;
      continue;
    }
    const target = destIsDir ? `${destPath}/${s.replace(/\/+$/, '').split('/').pop()}` : destPath;
    try {
      if (src.kind === 'file') {
        fs.writeFile(target, src.content, { mode: src.mode });
      } else {
        const parent = fs.lookup(target.slice(0, target.lastIndexOf('/')) || '/');
        if (parent?.kind !== 'dir') throw new VfsError('ENOENT', target);
        parent.children.set(target.slice(target.lastIndexOf('/') + 1), copyNode(src));
      }
    } catch (e) {
      ctx.fds.stderr.write(`cp: can't create '${target}': ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
};

export const mv: Applet = (ctx) => {
  const opts = parseFlags(ctx, ctx.argv.slice(1), 'finTv', '', 'mv [-finT] SOURCE DEST');
  if (!opts) return 1;
  if (opts.rest.length < 2) return usage(ctx, 'mv [-finT] SOURCE DEST');
  const dest = opts.rest[opts.rest.length - 1]!;
  let status = 0;
  for (const s of opts.rest.slice(0, -1)) {
    try {
      ctx.sys.fs.rename(ctx.sys.resolve(s), ctx.sys.resolve(dest));
    } catch (e) {
      ctx.fds.stderr.write(`mv: can't rename '${s}': ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
};

/** `chmod 755 f`, `chmod +x f`, `chmod u+rw,g-w f`. */
export const chmod: Applet = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-R');
  if (args.length < 2) return usage(ctx, 'chmod [-Rcvf] MODE[,MODE]... FILE...');
  const [modeText, ...files] = args as [string, ...string[]];
  let status = 0;
  for (const f of files) {
    const path = ctx.sys.resolve(f);
    const st = ctx.sys.fs.stat(path);
    if (!st) {
      ctx.fds.stderr.write(`chmod: ${f}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const mode = applyMode(st.mode, modeText);
    if (mode === undefined) {
      ctx.fds.stderr.write(`chmod: invalid mode '${modeText}'\n`);
      return 1;
    }
    ctx.sys.fs.chmod(path, mode);
  }
  return status;
};

function applyMode(current: number, text: string): number | undefined {
  if (/^[0-7]+$/.test(text)) return Number.parseInt(text, 8);
  let mode = current;
  for (const clause of text.split(',')) {
    const m = /^([ugoa]*)([+=-])([rwxXst]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] || 'a';
    let bits = 0;
    for (const p of m[3]!) {
      const v = p === 'r' ? 4 : p === 'w' ? 2 : p === 'x' || p === 'X' ? 1 : 0;
      if (who.includes('u') || who.includes('a')) bits |= v << 6;
      if (who.includes('g') || who.includes('a')) bits |= v << 3;
      if (who.includes('o') || who.includes('a')) bits |= v;
    }
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else mode = bits;
  }
  return mode;
}
