/**
 * Image behaviours that users declare in YAML (docs/images.md): the step
 * `the image "IMAGE" behaves as:` with one behaviour, and an images file with several
 * (`IMAGE: behaviour` at the top level). Everything is checked before it is declared: an unknown
 * key, a bad duration, quantity or status is a KubesimError naming the source, the line and the
 * column, so a scenario fails before any simulated time passes.
 *
 *   declareImage(cluster.store, 'shop:1.0', 'listen: [8080]\nhttp:\n  /healthz: 200\n');
 *   loadImageBehaviours(cluster.store, readFileSync('features/images.yaml', 'utf8'), 'features/images.yaml');
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Scalar } from 'yaml';
import { parseDuration } from '../core/duration.js';
import { KubesimError } from '../core/errors.js';
import { Quantity } from '../core/quantity.js';
import type {
  ContainerInvocation,
  GrpcBehaviour,
  GrpcHealthAnswer,
  GrpcServingStatus,
  HttpAnswer,
  HttpBehaviour,
  HttpRoute,
  ImageBehaviour,
  MemoryGrowth,
  OutputLine,
  SigtermBehaviour,
} from './behaviour.js';
import { goBindFailure } from './behaviour.js';
import { catalogFor } from './catalog.js';
import { InvalidImageNameError, parseImageReference } from './reference.js';
import type { ImageCommand } from './sh/invocation.js';

/** A parsed declaration, ready for ImageCatalog.declare. */
export interface DeclaredImage {
  readonly reference: string;
  readonly behaviour: (invocation: ContainerInvocation) => ImageBehaviour;
  readonly sizeBytes: number;
  readonly tags?: readonly string[];
}

const KEYS = [
  'listen',
  'protocol',
  'http',
  'grpc',
  'exit',
  'memory',
  'cpu',
  'sigterm',
  'stdout',
  'stderr',
  'command',
  'entrypoint',
  'cmd',
  'shell',
  'files',
  'size',
  'tags',
] as const;

/** Other spellings accepted for a key (the step contract's own sample writes `listens`). */
const ALIASES: Readonly<Record<string, (typeof KEYS)[number]>> = { listens: 'listen' };

const DEFAULT_MEMORY = 16 * 1024 * 1024;
const DEFAULT_SIZE = 10_485_760;

/** Where a problem is: the source's name and the text's line counter. */
class Source {
  readonly lines = new LineCounter();
  constructor(
    readonly name: string,
    readonly offsetLine = 0,
  ) {}

  error(node: Node | undefined, message: string): KubesimError {
    const range = node?.range;
    if (!range) return new KubesimError(`${this.name}: ${message}`);
    const { line, col } = this.lines.linePos(range[0]);
    return new KubesimError(`${this.name}:${line + this.offsetLine}:${col}: ${message}`);
  }
}

/**
 * Where a behaviour's YAML comes from, for error messages: a name, and optionally the line of the
 * file where the YAML's first line is (a feature file's doc string), so lines are the file's.
 */
export type SourceRef = string | { readonly name: string; readonly firstLine: number };

function sourceOf(ref: SourceRef): Source {
  return typeof ref === 'string' ? new Source(ref) : new Source(ref.name, ref.firstLine - 1);
}

/** Declares one image from a behaviour's YAML (the step `the image "IMAGE" behaves as:`). */
export function declareImage(store: object, reference: string, yamlText: string, source?: SourceRef): void {
  const declared = parseImageBehaviour(reference, yamlText, source ?? `the image "${reference}"`);
  catalogFor(store).declare(declared.reference, declared.behaviour, declared.sizeBytes, {
    ...(declared.tags ? { tags: declared.tags } : {}),
  });
}

/**
 * Declares every image of an images file (`IMAGE: behaviour`, one per top-level key) and returns
 * their references, in file order. Nothing is declared when any of them is wrong.
 */
export function loadImageBehaviours(store: object, yamlText: string, sourceName: SourceRef): string[] {
  const source = sourceOf(sourceName);
  const root = parseYaml(yamlText, source);
  if (root === undefined) return [];
  if (!isMap(root))
    throw source.error(root, 'an images file maps image references to behaviours (IMAGE: {listen: …})');
  const all: DeclaredImage[] = [];
  for (const pair of root.items) {
    const key = pair.key as Node;
    const reference = isScalar(key) ? String(key.value) : '';
    if (!reference) throw source.error(key, 'expected an image reference as the key');
    all.push(behaviourFrom(reference, pair.value as Node | undefined, source));
  }
  const catalog = catalogFor(store);
  for (const d of all) catalog.declare(d.reference, d.behaviour, d.sizeBytes, d.tags ? { tags: d.tags } : {});
  return all.map((d) => d.reference);
}

/** Parses and checks one behaviour without declaring it. */
export function parseImageBehaviour(
  reference: string,
  yamlText: string,
  sourceName: SourceRef,
): DeclaredImage {
  const source = sourceOf(sourceName);
  return behaviourFrom(reference, parseYaml(yamlText, source), source);
}

function parseYaml(text: string, source: Source): Node | undefined {
  const doc = parseDocument(text, { lineCounter: source.lines, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const pos = source.lines.linePos(problem.pos[0]);
    const where = `${source.name}:${pos.line + source.offsetLine}:${pos.col}`;
    throw new KubesimError(`${where}: ${problem.message.split('\n')[0]}`);
  }
  return (doc.contents ?? undefined) as Node | undefined;
}

function behaviourFrom(reference: string, node: Node | undefined, source: Source): DeclaredImage {
  const label = `image ${JSON.stringify(reference)}`;
  try {
    parseImageReference(reference);
  } catch (e) {
    if (e instanceof InvalidImageNameError) throw new KubesimError(`${source.name}: ${e.message}`);
    throw e;
  }
  if (node === undefined || (isScalar(node) && node.value === null)) {
    return { reference, behaviour: () => plain(reference, {}), sizeBytes: DEFAULT_SIZE };
  }
  if (!isMap(node)) throw source.error(node, `${label}: a behaviour is a mapping of ${KEYS.join(', ')}`);
  const fields = new Map<string, Node>();
  for (const pair of node.items) {
    const key = pair.key as Node;
    const written = isScalar(key) ? String(key.value) : '';
    const name = ALIASES[written] ?? written;
    if (!(KEYS as readonly string[]).includes(name)) {
      throw source.error(
        key,
        `${label}: unknown key ${JSON.stringify(written)} (expected one of: ${KEYS.join(', ')})`,
      );
    }
    if (fields.has(name)) {
      throw source.error(key, `${label}: "${written}" repeats "${name}" (give it once)`);
    }
    fields.set(name, pair.value as Node);
  }
  const r = new Reader(source, label);
  const spec: Spec = {};
  const listen = fields.get('listen');
  if (listen !== undefined) spec.listen = r.listen(listen);
  const protocol = fields.get('protocol');
  if (protocol !== undefined)
    spec.protocol = r.oneOf(protocol, 'protocol', ['http', 'tcp']) as 'http' | 'tcp';
  const http = fields.get('http');
  if (http !== undefined) spec.http = r.http(http);
  if (spec.protocol === 'tcp' && spec.http)
    throw source.error(http, `${label}: "http" answers need protocol http`);
  const grpc = fields.get('grpc');
  if (grpc !== undefined) spec.grpc = r.grpc(grpc);
  const exit = fields.get('exit');
  if (exit !== undefined) spec.exit = r.exit(exit);
  const memory = fields.get('memory');
  if (memory !== undefined) Object.assign(spec, r.memory(memory));
  const cpu = fields.get('cpu');
  if (cpu !== undefined) spec.cpuMillis = r.quantity(cpu, 'cpu').milli;
  const sigterm = fields.get('sigterm');
  if (sigterm !== undefined) spec.sigterm = r.sigterm(sigterm);
  const output: OutputLine[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const lines = fields.get(stream);
    if (lines !== undefined) output.push(...r.output(lines, stream));
  }
  if (output.length > 0) spec.output = output.sort((a, b) => a.afterMs - b.afterMs);
  const command = fields.get('command');
  const entrypoint = fields.get('entrypoint');
  const cmd = fields.get('cmd');
  if (command !== undefined && cmd !== undefined) {
    throw source.error(cmd, `${label}: give either "command" (a shell script) or "cmd", not both`);
  }
  if (command !== undefined || entrypoint !== undefined || cmd !== undefined) {
    spec.imageCommand = {
      ...(entrypoint !== undefined ? { entrypoint: r.strings(entrypoint, 'entrypoint') } : {}),
      ...(command !== undefined ? { cmd: ['sh', '-c', r.string(command, 'command')] } : {}),
      ...(cmd !== undefined ? { cmd: r.strings(cmd, 'cmd') } : {}),
    };
  }
  const shell = fields.get('shell');
  if (shell !== undefined) spec.shell = r.boolean(shell, 'shell');
  const files = fields.get('files');
  if (files !== undefined) spec.files = r.files(files);
  const size = fields.get('size');
  const tags = fields.get('tags');
  const declared: DeclaredImage = {
    reference,
    behaviour: (invocation) => plain(reference, spec, invocation),
    sizeBytes: size !== undefined ? r.quantity(size, 'size').value : DEFAULT_SIZE,
    ...(tags !== undefined ? { tags: r.strings(tags, 'tags') } : {}),
  };
  return declared;
}

/** What a declaration says, checked. */
interface Spec {
  listen?: readonly number[] | 'declared';
  protocol?: 'http' | 'tcp';
  http?: HttpBehaviour;
  grpc?: GrpcBehaviour;
  exit?: { afterMs: number; code: number };
  memoryBytes?: number;
  memoryGrowth?: MemoryGrowth;
  cpuMillis?: number;
  sigterm?: SigtermBehaviour;
  output?: OutputLine[];
  imageCommand?: ImageCommand;
  shell?: boolean;
  files?: Record<string, string>;
}

/** The behaviour a declaration describes (defaults: an unknown image's). */
function plain(reference: string, spec: Spec, invocation?: ContainerInvocation): ImageBehaviour {
  const shellProgram = spec.imageCommand !== undefined;
  const http: HttpBehaviour | undefined =
    spec.protocol === 'tcp' ? undefined : (spec.http ?? { routes: [], otherwise: { status: 200, body: '' } });
  return {
    name: reference,
    listen: listenWithGrpc(spec, invocation),
    ...(http ? { http } : {}),
    ...(spec.grpc ? { grpc: spec.grpc } : {}),
    ...(spec.exit ? { exit: spec.exit } : {}),
    // A shell script as PID 1 handles SIGTERM itself (ignored without a trap) unless the declaration says.
    sigterm: spec.sigterm ?? (shellProgram ? { action: 'ignore' } : { action: 'exit', code: 0 }),
    ...(spec.sigterm && shellProgram ? { sigtermOverridesProgram: true } : {}),
    memoryBytes: spec.memoryBytes ?? DEFAULT_MEMORY,
    ...(spec.memoryGrowth ? { memoryGrowth: spec.memoryGrowth } : {}),
    ...(spec.cpuMillis !== undefined ? { cpuMillis: spec.cpuMillis } : {}),
    ...(spec.output ? { output: spec.output } : {}),
    ...(shellProgram ? { program: 'shell' as const, imageCommand: spec.imageCommand! } : {}),
    bindFailure: goBindFailure,
    filesystem: spec.shell === false ? 'none' : 'busybox',
    ...(spec.files ? { files: spec.files } : {}),
  };
}

/** The ports it listens on: `listen` (or the declared ports) and its gRPC port. */
function listenWithGrpc(
  spec: Spec,
  invocation: ContainerInvocation | undefined,
): readonly number[] | 'declared' {
  const listen = spec.listen ?? 'declared';
  if (!spec.grpc) return listen;
  const ports =
    listen === 'declared'
      ? (invocation?.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.containerPort)
      : listen;
  return [...new Set([...ports, ...spec.grpc.ports])];
}

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const GRPC_STATUSES: readonly GrpcServingStatus[] = ['SERVING', 'NOT_SERVING', 'UNKNOWN'];
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Checked readers for the values of a declaration. */
class Reader {
  constructor(
    private readonly source: Source,
    private readonly label: string,
  ) {}

  private fail(node: Node | undefined, message: string): never {
    throw this.source.error(node, `${this.label}: ${message}`);
  }

  private scalar(node: Node | undefined, what: string): Scalar {
    if (!node || !isScalar(node) || node.value === null) this.fail(node, `${what} needs a value`);
    return node as Scalar;
  }

  string(node: Node | undefined, what: string): string {
    const v = this.scalar(node, what).value;
    if (typeof v !== 'string' && typeof v !== 'number') this.fail(node, `${what} must be text`);
    return String(v);
  }

  boolean(node: Node | undefined, what: string): boolean {
    const v = this.scalar(node, what).value;
    if (typeof v !== 'boolean') this.fail(node, `${what} must be true or false`);
    return v as boolean;
  }

  integer(node: Node | undefined, what: string, min: number, max: number): number {
    const v = this.scalar(node, what).value;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(node, `${what} must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
    }
    return v as number;
  }

  duration(node: Node | undefined, what: string): number {
    const v = this.scalar(node, what).value;
    const text = String(v);
    if (v === 0 || text === '0') return 0;
    try {
      if (typeof v === 'number') throw new Error('no unit');
      const ms = parseDuration(text);
      if (ms < 0) throw new Error('negative');
      return ms;
    } catch {
      return this.fail(node, `${what}: ${JSON.stringify(text)} is not a duration (like 10s, 1m30s, 500ms)`);
    }
  }

  quantity(node: Node | undefined, what: string): Quantity {
    const text = String(this.scalar(node, what).value);
    try {
      return Quantity.parse(text);
    } catch {
      return this.fail(node, `${what}: ${JSON.stringify(text)} is not a quantity (like 64Mi, 1Gi, 250m)`);
    }
  }

  oneOf(node: Node | undefined, what: string, allowed: readonly string[]): string {
    const v = this.string(node, what);
    if (!allowed.includes(v))
      this.fail(node, `${what} must be one of ${allowed.join(', ')}, not ${JSON.stringify(v)}`);
    return v;
  }

  strings(node: Node | undefined, what: string): string[] {
    if (!node || !isSeq(node)) return this.fail(node, `${what} must be a list`);
    return node.items.map((item) => this.string(item as Node, what));
  }

  listen(node: Node): readonly number[] | 'declared' {
    if (isScalar(node) && node.value === 'declared') return 'declared';
    const items = isSeq(node) ? (node.items as Node[]) : [node];
    return items.map((item) => this.integer(item, 'listen (a port)', 1, 65535));
  }

  /** `/path: 200`, `/path: {status, body}`, `/path: [{status}, {after, status}]`, `otherwise: 404`. */
  http(node: Node): HttpBehaviour {
    if (!isMap(node)) return this.fail(node, 'http maps paths to answers (/healthz: 200)');
    const routes: HttpRoute[] = [];
    let otherwise: HttpAnswer = { status: 404, body: '' };
    for (const pair of node.items) {
      const key = pair.key as Node;
      const path = isScalar(key) ? String(key.value) : '';
      const value = pair.value as Node;
      if (path === 'otherwise') {
        otherwise = this.answer(value, 'otherwise', 'otherwise');
        continue;
      }
      if (!path.startsWith('/'))
        this.fail(key, `http: ${JSON.stringify(path)} is not a path (it starts with /) or "otherwise"`);
      routes.push({ path, answers: this.timeline(value, path) });
    }
    return { routes, otherwise };
  }

  private timeline(node: Node, path: string): HttpAnswer[] {
    if (!isSeq(node)) return [this.answer(node, path, 'route')];
    const answers = (node.items as Node[]).map((item) => this.answer(item, path, 'timed'));
    if (answers.length === 0) this.fail(node, `http ${path}: the list of answers is empty`);
    this.ordered(node.items, answers, `http ${path}`);
    return answers;
  }

  /**
   * A timeline's `after`s: none on the first answer, each later than the one before; an answer
   * with `when` may share the `after` of the one before (it answers only some requests).
   */
  private ordered(
    items: readonly unknown[],
    answers: ReadonlyArray<{ readonly fromMs?: number; readonly when?: object }>,
    what: string,
  ): void {
    if ((answers[0]!.fromMs ?? 0) !== 0)
      this.fail(items[0] as Node, `${what}: the first answer has no "after"`);
    for (let i = 1; i < answers.length; i++) {
      const at = answers[i]!.fromMs ?? 0;
      const before = answers[i - 1]!.fromMs ?? 0;
      if (at < before || (at === before && answers[i]!.when === undefined)) {
        this.fail(items[i] as Node, `${what}: each "after" must be later than the one before`);
      }
    }
  }

  /**
   * One answer: a status, or `{status, body, location, delay}`, with `when` on a path's answers
   * and `after` in a timeline.
   */
  private answer(node: Node, what: string, kind: 'otherwise' | 'route' | 'timed'): HttpAnswer {
    if (isScalar(node)) return { status: this.integer(node, `http ${what} (a status)`, 100, 599), body: '' };
    const keys = ['status', 'body', 'location', 'delay'];
    if (kind !== 'otherwise') keys.push('when');
    if (kind === 'timed') keys.push('after');
    if (!isMap(node)) return this.fail(node, `http ${what}: an answer is a status or {${keys.join(', ')}}`);
    const f = this.fields(node, `http ${what}`, keys);
    const status = this.integer(f.get('status'), `http ${what} status`, 100, 599);
    const body = f.has('body') ? this.string(f.get('body'), `http ${what} body`) : '';
    const answer: { -readonly [K in keyof HttpAnswer]: HttpAnswer[K] } = { status, body };
    const after = f.has('after') ? this.duration(f.get('after'), `http ${what} after`) : 0;
    if (after > 0) answer.fromMs = after;
    if (f.has('location')) answer.location = this.location(f.get('location'), what, status);
    const delay = f.has('delay') ? this.duration(f.get('delay'), `http ${what} delay`) : 0;
    if (delay > 0) answer.delayMs = delay;
    if (f.has('when')) answer.when = this.when(f.get('when')!, what);
    return answer;
  }

  /** A redirect's Location: a path or an http(s) URL, on a status Go's client follows. */
  private location(node: Node | undefined, what: string, status: number): string {
    const text = this.string(node, `http ${what} location`);
    if (!REDIRECT_STATUSES.includes(status)) {
      this.fail(
        node,
        `http ${what}: "location" needs a redirect status (301, 302, 303, 307 or 308), not ${status}`,
      );
    }
    if (!/^\/|^https?:\/\/[^/?#]+/i.test(text)) {
      this.fail(
        node,
        `http ${what} location: ${JSON.stringify(text)} is not a path (/new) or an http(s) URL`,
      );
    }
    return text;
  }

  /** `when: {Custom-Header: Awesome}`: the request headers an answer needs (names in lower case). */
  private when(node: Node, what: string): Record<string, string> {
    if (!isMap(node)) return this.fail(node, `http ${what} when maps header names to values`);
    const out: Record<string, string> = {};
    for (const pair of node.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : '';
      if (!HEADER_NAME.test(name))
        this.fail(key, `http ${what} when: ${JSON.stringify(name)} is not a header name`);
      out[name.toLowerCase()] = this.string(pair.value as Node, `http ${what} when ${name}`);
    }
    return out;
  }

  /**
   * `grpc: {port: 9090, status: SERVING, services: {liveness: NOT_SERVING}}`, statuses as
   * timelines like HTTP answers; `health: false` for a server without the health service.
   */
  grpc(node: Node): GrpcBehaviour {
    const f = this.fields(node, 'grpc', ['port', 'status', 'services', 'health']);
    if (!f.has('port')) this.fail(node, 'grpc needs a "port"');
    const port = this.integer(f.get('port'), 'grpc port', 1, 65535);
    const health = f.has('health') ? this.boolean(f.get('health'), 'grpc health') : true;
    if (!health) {
      if (f.has('status') || f.has('services')) {
        this.fail(
          f.get('status') ?? f.get('services'),
          'grpc: a server without health service has no "status" or "services"',
        );
      }
      return { ports: [port] };
    }
    const services: Record<string, GrpcHealthAnswer[]> = {
      '': f.has('status') ? this.grpcTimeline(f.get('status')!, 'grpc status') : [{ status: 'SERVING' }],
    };
    const named = f.get('services');
    if (named !== undefined) {
      if (!isMap(named)) this.fail(named, 'grpc services maps service names to statuses');
      for (const pair of (named as { items: Array<{ key: unknown; value: unknown }> }).items) {
        const key = pair.key as Node;
        const name = isScalar(key) ? String(key.value) : '';
        if (name === '')
          this.fail(key, 'grpc services: a service needs a name (the server itself is "status")');
        services[name] = this.grpcTimeline(pair.value as Node, `grpc service ${name}`);
      }
    }
    return { ports: [port], health: services };
  }

  private grpcTimeline(node: Node, what: string): GrpcHealthAnswer[] {
    if (!isSeq(node)) return [this.grpcAnswer(node, what, false)];
    const answers = (node.items as Node[]).map((item) => this.grpcAnswer(item, what, true));
    if (answers.length === 0) this.fail(node, `${what}: the list of answers is empty`);
    this.ordered(node.items, answers, what);
    return answers;
  }

  /** `SERVING`, or `{status: NOT_SERVING, after: 30s, delay: 2s}`. */
  private grpcAnswer(node: Node, what: string, timed: boolean): GrpcHealthAnswer {
    if (isScalar(node)) return { status: this.oneOf(node, what, GRPC_STATUSES) as GrpcServingStatus };
    const f = this.fields(node, what, timed ? ['status', 'after', 'delay'] : ['status', 'delay']);
    const status = this.oneOf(f.get('status'), `${what} status`, GRPC_STATUSES) as GrpcServingStatus;
    const after = f.has('after') ? this.duration(f.get('after'), `${what} after`) : 0;
    const delay = f.has('delay') ? this.duration(f.get('delay'), `${what} delay`) : 0;
    return { status, ...(after > 0 ? { fromMs: after } : {}), ...(delay > 0 ? { delayMs: delay } : {}) };
  }

  /** `exit: 1` (at once) or `exit: {after: 30s, code: 1}`. */
  exit(node: Node): { afterMs: number; code: number } {
    if (isScalar(node)) return { afterMs: 0, code: this.integer(node, 'exit (a code)', 0, 255) };
    const f = this.fields(node, 'exit', ['after', 'code']);
    return {
      afterMs: f.has('after') ? this.duration(f.get('after'), 'exit after') : 0,
      code: f.has('code') ? this.integer(f.get('code'), 'exit code', 0, 255) : 0,
    };
  }

  /** `memory: 64Mi` or `memory: {start: 64Mi, grow: 10Mi, every: 30s, max: 1Gi}`. */
  memory(node: Node): { memoryBytes: number; memoryGrowth?: MemoryGrowth } {
    if (isScalar(node)) return { memoryBytes: this.quantity(node, 'memory').value };
    const f = this.fields(node, 'memory', ['start', 'grow', 'every', 'max']);
    const memoryBytes = f.has('start') ? this.quantity(f.get('start'), 'memory start').value : DEFAULT_MEMORY;
    if (!f.has('grow')) return { memoryBytes };
    const bytes = this.quantity(f.get('grow'), 'memory grow').value;
    const everyMs = f.has('every') ? this.duration(f.get('every'), 'memory every') : 1000;
    if (everyMs <= 0) this.fail(f.get('every'), 'memory every must be longer than 0s');
    const max = f.has('max') ? this.quantity(f.get('max'), 'memory max').value : undefined;
    return { memoryBytes, memoryGrowth: { bytes, everyMs, ...(max !== undefined ? { maxBytes: max } : {}) } };
  }

  /** `sigterm: exit` (0 at once), `sigterm: ignore`, `sigterm: {after: 10s, code: 143}`. */
  sigterm(node: Node): SigtermBehaviour {
    if (isScalar(node)) {
      const v = this.oneOf(node, 'sigterm', ['exit', 'ignore']);
      return v === 'ignore' ? { action: 'ignore' } : { action: 'exit', code: 0 };
    }
    const f = this.fields(node, 'sigterm', ['after', 'code']);
    const afterMs = f.has('after') ? this.duration(f.get('after'), 'sigterm after') : 0;
    const code = f.has('code') ? this.integer(f.get('code'), 'sigterm code', 0, 255) : 0;
    return afterMs > 0 ? { action: 'exit', code, afterMs } : { action: 'exit', code };
  }

  /** A list of lines: `text`, or `{line, after, every}`. */
  output(node: Node, stream: 'stdout' | 'stderr'): OutputLine[] {
    const items = isSeq(node) ? (node.items as Node[]) : [node];
    return items.map((item) => {
      if (isScalar(item)) return { afterMs: 0, stream, text: this.string(item, stream) };
      const f = this.fields(item, stream, ['line', 'after', 'every']);
      const text = this.string(f.get('line'), `${stream} line`);
      const afterMs = f.has('after') ? this.duration(f.get('after'), `${stream} after`) : 0;
      const everyMs = f.has('every') ? this.duration(f.get('every'), `${stream} every`) : undefined;
      if (everyMs !== undefined && everyMs <= 0)
        this.fail(f.get('every'), `${stream} every must be longer than 0s`);
      return { afterMs, stream, text, ...(everyMs !== undefined ? { everyMs } : {}) };
    });
  }

  files(node: Node): Record<string, string> {
    if (!isMap(node)) return this.fail(node, 'files maps absolute paths to their content');
    const out: Record<string, string> = {};
    for (const pair of node.items) {
      const key = pair.key as Node;
      const path = isScalar(key) ? String(key.value) : '';
      if (!path.startsWith('/')) this.fail(key, `files: ${JSON.stringify(path)} is not an absolute path`);
      out[path] = this.string(pair.value as Node, `files ${path}`);
    }
    return out;
  }

  private fields(node: Node, what: string, keys: readonly string[]): Map<string, Node> {
    if (!isMap(node)) return this.fail(node, `${what} must be a mapping of ${keys.join(', ')}`);
    const out = new Map<string, Node>();
    for (const pair of node.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : '';
      if (!keys.includes(name))
        this.fail(key, `${what}: unknown key ${JSON.stringify(name)} (expected one of: ${keys.join(', ')})`);
      out.set(name, pair.value as Node);
    }
    return out;
  }
}
