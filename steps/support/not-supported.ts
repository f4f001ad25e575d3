/**
 * Phrases of the public contract whose simulation lands with a later kubesim issue. They are
 * defined so that every canonical phrase resolves, and they fail loudly instead of passing.
 */
export type LaterIssue = 'pods' | 'services';

export function notSupportedYet(phrase: string, issue: LaterIssue): never {
  throw new Error(`not supported yet: ${phrase} (kubesim issue: ${issue})`);
}
