import { parseAllDocuments } from 'yaml';
import type { KubesimError } from '../core/errors.js';
import type { KubeObject } from './types.js';

/** One document of a manifest: the decoded object, or why it cannot be decoded. */
export interface ManifestDocument {
  /** 1-based line where the document starts. */
  readonly line: number;
  readonly object?: KubeObject;
  readonly error?: KubesimError;
}

/** Placeholder: parses YAML documents without strict decoding. */
export function parseManifests(text: string, _source: string): ManifestDocument[] {
  return parseAllDocuments(text).map((doc) => ({ line: 1, object: doc.toJS() as KubeObject }));
}
