/**
 * `-f FILE|DIR|-`: reading manifests and turning their documents into objects the way
 * cli-runtime's builder does (FilenameParam with the namespace visitors): each object is named by
 * its source (`STDIN` or the path as given), namespaced kinds get -n or `default` when they name
 * none, and -n conflicts with a different namespace in the object.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type FieldValidation, type ManifestDocument, parseManifests } from '../api/decode.js';
import { isKnownKind, type ResourceType, resourceOf } from '../api/resources.js';
import type { KubeObject } from '../api/types.js';
import { clone } from '../core/clone.js';
import { StatusError } from '../core/errors.js';
import type { CommandContext } from './context.js';
import { CliError, goQuote } from './errors.js';

const FILE_EXTENSIONS = ['.json', '.yaml', '.yml'];

export interface ManifestItem {
  /** `STDIN` or the file's path as the user wrote it. */
  readonly source: string;
  /** The object as the API server decodes it (unknown fields dropped, quantities canonical). */
  readonly object?: KubeObject;
  /** The object as written, as kubectl holds it (last-applied configuration, apply's diff). */
  readonly raw?: KubeObject;
  readonly type?: ResourceType;
  /** A client-side problem: nothing is sent for this document. */
  readonly error?: Error;
  /** The server will refuse the object (strict field validation): reported when it is sent. */
  readonly serverError?: StatusError;
  /** Unknown fields under --validate=warn: the server's warnings when the object is sent. */
  readonly warnings?: readonly string[];
}

interface Source {
  readonly source: string;
  readonly text: string;
}

function readSources(ctx: CommandContext, filename: string): Source[] {
  if (filename === '-') return [{ source: 'STDIN', text: ctx.opts.stdin ?? '' }];
  if (/^https?:\/\//.test(filename))
    throw new CliError(`kubesim does not read manifests from URLs: ${filename}`);
  const path = ctx.opts.resolvePath ? ctx.opts.resolvePath(filename) : filename;
  if (!existsSync(path)) throw new CliError(`the path ${goQuote(filename)} does not exist`);
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => FILE_EXTENSIONS.some((ext) => f.endsWith(ext)))
      .sort()
      .filter((f) => statSync(join(path, f)).isFile())
      .map((f) => ({ source: join(filename, f), text: readFileSync(join(path, f), 'utf8') }));
  }
  return [{ source: filename, text: readFileSync(path, 'utf8') }];
}

/** kubectl's --validate values as the server's fieldValidation. */
export function fieldValidationOf(validate: string): FieldValidation {
  switch (validate) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
  }
  throw new CliError(
    `invalid - validate option "${validate}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}

/**
 * The documents of every -f argument, in order. A path that cannot be read becomes one error
 * item (kubectl reports it and still applies what it could read).
 */
export function readManifests(
  ctx: CommandContext,
  filenames: readonly string[],
  fieldValidation: FieldValidation = 'Ignore',
): ManifestItem[] {
  const items: ManifestItem[] = [];
  for (const filename of filenames) {
    let sources: Source[];
    try {
      sources = readSources(ctx, filename);
    } catch (e) {
      items.push({ source: filename, error: e as Error });
      continue;
    }
    for (const { source, text } of sources) {
      for (const doc of parseManifests(text, source, { fieldValidation }))
        items.push(toItem(ctx, source, doc));
    }
  }
  return items;
}

function toItem(ctx: CommandContext, source: string, doc: ManifestDocument): ManifestItem {
  if (doc.error && !(doc.error instanceof StatusError)) return { source, error: doc.error };
  const raw = clone((doc.raw ?? doc.object) as KubeObject);
  const kind = raw.kind;
  if (!isKnownKind(kind)) return { source, error: new CliError(`unable to decode ${goQuote(source)}`) };
  const type = resourceOf(kind);
  raw.metadata = raw.metadata ?? ({} as KubeObject['metadata']);
  const object = doc.object ? clone(doc.object) : undefined;
  if (type.namespaced) {
    const ns = raw.metadata.namespace;
    if (!ns) {
      raw.metadata.namespace = ctx.namespace;
      if (object) object.metadata.namespace = ctx.namespace;
    } else if (ctx.explicitNamespace && ns !== ctx.namespace) {
      return {
        source,
        error: new CliError(
          `the namespace from the provided object ${goQuote(ns)} does not match the namespace ${goQuote(ctx.namespace)}. You must pass '--namespace=${ns}' to perform this operation.`,
        ),
      };
    }
  }
  return {
    source,
    raw,
    type,
    ...(object ? { object } : {}),
    ...(doc.error ? { serverError: doc.error as StatusError } : {}),
    ...(doc.warnings ? { warnings: doc.warnings } : {}),
  };
}

/** The errors of items that failed on the client, and the items that can be sent. */
export function partition(items: readonly ManifestItem[]): { errors: Error[]; sendable: ManifestItem[] } {
  const errors: Error[] = [];
  const sendable: ManifestItem[] = [];
  for (const item of items) {
    if (item.error) errors.push(item.error);
    else sendable.push(item);
  }
  return { errors, sendable };
}
