/**
 * The in-memory file system of one container: directories and text files, nothing on the host.
 * A container restart gets a new Vfs (the caller creates it), so files written by the previous
 * instance are gone, as with a real container's writable layer. Volumes (an emptyDir shared by
 * the containers of a pod, a configMap) are `Volume` objects mounted into several Vfs instances:
 * the mounted directory IS the volume's root, so a write through one container is seen by all.
 *
 * Simplifications: no symlinks, no hard links, no owners (everything is root's), file contents
 * are strings, permission bits are kept and shown but only the execute bit is ever checked.
 */

export type Errno =
  | 'ENOENT'
  | 'EEXIST'
  | 'EISDIR'
  | 'ENOTDIR'
  | 'ENOTEMPTY'
  | 'EROFS'
  | 'EBUSY'
  | 'EACCES'
  | 'EINVAL';

/** strerror() texts (musl/glibc agree on these). */
export const STRERROR: Readonly<Record<Errno, string>> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EBUSY: 'Resource busy',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
};

export class VfsError extends Error {
  constructor(
    readonly code: Errno,
    readonly path: string,
  ) {
    super(`${path}: ${STRERROR[code]}`);
  }

  /** The C library's text for the error (`No such file or directory`). */
  get reason(): string {
    return STRERROR[this.code];
  }
}

export interface VfsFile {
  readonly kind: 'file';
  content: string;
  mode: number;
  mtime: number;
  /** Character devices: `/dev/null` reads nothing and swallows writes. */
  readonly device?: 'null' | 'zero';
}

export interface VfsDir {
  readonly kind: 'dir';
  readonly children: Map<string, VfsNode>;
  mode: number;
  mtime: number;
}

export type VfsNode = VfsFile | VfsDir;

export interface VfsStat {
  readonly kind: 'file' | 'dir';
  readonly size: number;
  readonly mode: number;
  readonly mtime: number;
  readonly device?: 'null' | 'zero';
}

/** Where the current time comes from (simulated ms), for modification times. */
export type Now = () => number;

export function newDir(mode = 0o755, mtime = 0): VfsDir {
  return { kind: 'dir', children: new Map(), mode, mtime };
}

/**
 * A volume: a directory tree that can be mounted into the file systems of several containers
 * (an emptyDir shared by a pod's containers, a configMap or secret, the service account token).
 * It outlives container restarts; an emptyDir is created once per pod.
 */
export class Volume {
  readonly root: VfsDir;

  constructor(
    readonly name: string,
    private readonly now: Now = () => 0,
  ) {
    this.root = newDir(0o777, now());
  }

  /** Writes a file inside the volume, creating parent directories (for configMap keys, tokens). */
  writeFile(path: string, content: string, mode = 0o644): void {
    const parts = splitPath(path);
    const name = parts.pop();
    if (name === undefined) throw new VfsError('EISDIR', path);
    let dir = this.root;
    for (const p of parts) {
      let next = dir.children.get(p);
      if (!next) {
        next = newDir(0o755, this.now());
        dir.children.set(p, next);
      }
      if (next.kind !== 'dir') throw new VfsError('ENOTDIR', path);
      dir = next;
    }
    dir.children.set(name, { kind: 'file', content, mode, mtime: this.now() });
  }

  /** Reads a file inside the volume, or undefined. */
  readFile(path: string): string | undefined {
    let node: VfsNode | undefined = this.root;
    for (const p of splitPath(path)) {
      if (node?.kind !== 'dir') return undefined;
      node = node.children.get(p);
    }
    return node?.kind === 'file' ? node.content : undefined;
  }
}

export interface MountOptions {
  readonly readOnly?: boolean;
  /** Mount only this directory of the volume (`volumeMounts[].subPath`); created if missing. */
  readonly subPath?: string;
}

interface Resolved {
  readonly parent: VfsDir | undefined;
  readonly name: string;
  readonly node: VfsNode | undefined;
  readonly readOnly: boolean;
  readonly path: string;
}

/** Splits a normalized absolute path into its names (`/a/b` → [a, b]). */
function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** Makes `path` absolute against `cwd` and removes `.`, `..` and repeated slashes. */
export function normalizePath(path: string, cwd = '/'): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const p of full.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

export function basename(path: string): string {
  const parts = splitPath(path);
  return parts[parts.length - 1] ?? '/';
}

export class Vfs {
  readonly root: VfsDir;
  private readonly mounts = new Map<VfsDir, { path: string; readOnly: boolean; volume: Volume }>();

  constructor(readonly now: Now = () => 0) {
    this.root = newDir(0o755, now());
  }

  // ---- lookups ----

  private walk(path: string): Resolved {
    const abs = normalizePath(path);
    const parts = splitPath(abs);
    let dir: VfsDir = this.root;
    let readOnly = false;
    if (parts.length === 0) return { parent: undefined, name: '/', node: this.root, readOnly, path: abs };
    for (let i = 0; i < parts.length - 1; i++) {
      const next = dir.children.get(parts[i]!);
      if (!next) throw new VfsError('ENOENT', abs);
      if (next.kind !== 'dir') throw new VfsError('ENOTDIR', abs);
      dir = next;
      if (this.mounts.get(dir)?.readOnly) readOnly = true;
    }
    const name = parts[parts.length - 1]!;
    const node = dir.children.get(name);
    if (node?.kind === 'dir' && this.mounts.get(node)?.readOnly) readOnly = true;
    return { parent: dir, name, node, readOnly, path: abs };
  }

  /**
   * The node at `path`, or undefined when it (or a parent) does not exist. walk's answer without
   * its exceptions: a container start asks about many paths that are not there yet (mounting a
   * volume, mkdir -p), and each VfsError captured a stack trace.
   */
  lookup(path: string): VfsNode | undefined {
    let node: VfsNode = this.root;
    for (const name of splitPath(normalizePath(path))) {
      if (node.kind !== 'dir') return undefined;
      const next = node.children.get(name);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  stat(path: string): VfsStat | undefined {
    const node = this.lookup(path);
    if (!node) return undefined;
    if (node.kind === 'dir') return { kind: 'dir', size: 4096, mode: node.mode, mtime: node.mtime };
    const base = {
      kind: 'file' as const,
      size: utf8Length(node.content),
      mode: node.mode,
      mtime: node.mtime,
    };
    return node.device ? { ...base, device: node.device } : base;
  }

  exists(path: string): boolean {
    return this.lookup(path) !== undefined;
  }

  isFile(path: string): boolean {
    return this.lookup(path)?.kind === 'file';
  }

  isDir(path: string): boolean {
    return this.lookup(path)?.kind === 'dir';
  }

  /** Whether a mounted volume's root is at `path`. */
  isMountPoint(path: string): boolean {
    const node = this.lookup(path);
    return node?.kind === 'dir' && this.mounts.has(node);
  }

  /** Throws ENOENT, ENOTDIR, EISDIR. */
  readFile(path: string): string {
    const r = this.walk(path);
    if (!r.node) throw new VfsError('ENOENT', r.path);
    if (r.node.kind === 'dir') throw new VfsError('EISDIR', r.path);
    return r.node.device ? '' : r.node.content;
  }

  /** Names in a directory, sorted as `ls` sorts them (byte order). Throws ENOENT, ENOTDIR. */
  readdir(path: string): string[] {
    const r = this.walk(path);
    if (!r.node) throw new VfsError('ENOENT', r.path);
    if (r.node.kind !== 'dir') throw new VfsError('ENOTDIR', r.path);
    return [...r.node.children.keys()].sort(byteOrder);
  }

  // ---- changes ----

  /**
   * Opens a file for writing as `open(O_WRONLY|O_CREAT|O_TRUNC or O_APPEND)` does, returning
   * the file node to append to. Throws ENOENT (no parent), EISDIR, EROFS.
   */
  openForWrite(path: string, append: boolean): VfsFile {
    const r = this.walk(path);
    if (r.node?.kind === 'dir') throw new VfsError('EISDIR', r.path);
    if (r.node?.device) return r.node;
    if (r.readOnly) throw new VfsError('EROFS', r.path);
    if (!r.parent) throw new VfsError('EISDIR', r.path);
    if (r.node) {
      if (!append) r.node.content = '';
      r.node.mtime = this.now();
      return r.node;
    }
    const file: VfsFile = { kind: 'file', content: '', mode: 0o644, mtime: this.now() };
    r.parent.children.set(r.name, file);
    r.parent.mtime = this.now();
    return file;
  }

  /** Appends to an opened file (a no-op for /dev/null). */
  append(file: VfsFile, text: string): void {
    if (file.device) return;
    file.content += text;
    file.mtime = this.now();
  }

  writeFile(path: string, content: string, options: { append?: boolean; mode?: number } = {}): void {
    const file = this.openForWrite(path, options.append ?? false);
    this.append(file, content);
    if (options.mode !== undefined) file.mode = options.mode;
  }

  /** `touch`: creates an empty file or updates the modification time. */
  touch(path: string): void {
    const r = this.walk(path);
    if (r.readOnly) throw new VfsError('EROFS', r.path);
    if (r.node) {
      r.node.mtime = this.now();
      return;
    }
    if (!r.parent) throw new VfsError('EISDIR', r.path);
    r.parent.children.set(r.name, { kind: 'file', content: '', mode: 0o644, mtime: this.now() });
  }

  /** `mkdir` (one level) or `mkdir -p`. Throws EEXIST, ENOENT, ENOTDIR, EROFS. */
  mkdir(path: string, options: { parents?: boolean; mode?: number } = {}): void {
    const abs = normalizePath(path);
    if (options.parents) {
      let cur = '';
      for (const p of splitPath(abs)) {
        cur += `/${p}`;
        const node = this.lookup(cur);
        if (node?.kind === 'dir') continue;
        if (node) throw new VfsError(cur === abs ? 'EEXIST' : 'ENOTDIR', abs);
        this.mkdir(cur, options.mode === undefined ? {} : { mode: options.mode });
      }
      return;
    }
    const r = this.walk(abs);
    if (r.node) throw new VfsError('EEXIST', abs);
    if (r.readOnly) throw new VfsError('EROFS', abs);
    if (!r.parent) throw new VfsError('EEXIST', abs);
    r.parent.children.set(r.name, newDir(options.mode ?? 0o755, this.now()));
    r.parent.mtime = this.now();
  }

  /**
   * Removes a file, an empty directory, or (recursive) a tree. Mounted volumes cannot be removed
   * (EBUSY), though their contents can. Throws ENOENT, EISDIR (a directory without recursive),
   * EROFS, EBUSY.
   */
  remove(path: string, options: { recursive?: boolean } = {}): void {
    const r = this.walk(path);
    if (!r.node) throw new VfsError('ENOENT', r.path);
    if (!r.parent) throw new VfsError('EBUSY', r.path);
    if (r.node.kind === 'dir') {
      if (!options.recursive) throw new VfsError('EISDIR', r.path);
      if (this.mounts.has(r.node)) throw new VfsError('EBUSY', r.path);
      if (r.readOnly) throw new VfsError('EROFS', r.path);
      for (const name of [...r.node.children.keys()]) this.remove(`${r.path}/${name}`, options);
    } else if (r.readOnly) {
      throw new VfsError('EROFS', r.path);
    }
    r.parent.children.delete(r.name);
    r.parent.mtime = this.now();
  }

  /** Moves a file or directory (`mv`); throws like remove and openForWrite. */
  rename(from: string, to: string): void {
    const src = this.walk(from);
    if (!src.node || !src.parent) throw new VfsError('ENOENT', src.path);
    let dst = this.walk(to);
    if (dst.node?.kind === 'dir') dst = this.walk(`${dst.path}/${src.name}`);
    if (!dst.parent) throw new VfsError('EBUSY', dst.path);
    if (src.readOnly || dst.readOnly) throw new VfsError('EROFS', dst.path);
    if (src.node.kind === 'dir' && this.mounts.has(src.node)) throw new VfsError('EBUSY', src.path);
    src.parent.children.delete(src.name);
    dst.parent.children.set(dst.name, src.node);
  }

  chmod(path: string, mode: number): void {
    const r = this.walk(path);
    if (!r.node) throw new VfsError('ENOENT', r.path);
    if (r.readOnly) throw new VfsError('EROFS', r.path);
    r.node.mode = mode;
  }

  // ---- mounts ----

  /**
   * Mounts `volume` at `path` (created with parents if missing; an existing directory there is
   * hidden, as a real mount hides it). Several containers may mount the same volume.
   */
  mount(path: string, volume: Volume, options: MountOptions = {}): void {
    const abs = normalizePath(path);
    if (abs === '/') throw new VfsError('EBUSY', abs);
    let target = volume.root;
    if (options.subPath) {
      for (const p of splitPath(normalizePath(options.subPath))) {
        let next = target.children.get(p);
        if (!next) {
          next = newDir(0o777, this.now());
          target.children.set(p, next);
        }
        if (next.kind !== 'dir') throw new VfsError('ENOTDIR', options.subPath);
        target = next;
      }
    }
    const parentPath = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (!this.isDir(parentPath)) this.mkdir(parentPath, { parents: true });
    const r = this.walk(abs);
    r.parent!.children.set(r.name, target);
    this.mounts.set(target, { path: abs, readOnly: options.readOnly ?? false, volume });
  }

  /** Mounts a single file of a volume (`subPath` naming a file, such as a configMap key). */
  mountFile(path: string, content: string, mode = 0o644): void {
    const abs = normalizePath(path);
    const parentPath = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (!this.isDir(parentPath)) this.mkdir(parentPath, { parents: true });
    const r = this.walk(abs);
    r.parent!.children.set(r.name, { kind: 'file', content, mode, mtime: this.now() });
  }

  /** Mount points, for `mount`/`df`-style listings and tests. */
  mountPoints(): Array<{ path: string; volume: string; readOnly: boolean }> {
    return [...this.mounts.values()].map((m) => ({
      path: m.path,
      volume: m.volume.name,
      readOnly: m.readOnly,
    }));
  }
}

export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
