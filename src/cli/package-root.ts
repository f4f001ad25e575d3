import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The kubesim package's own folder. Everything kubesim bundles (the steps, the tsx shim, the
 * tsconfig) is found from here, never from the user's working directory, so that `npx kubesim`
 * works from any repository that installed it.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string };
  return pkg.version;
}
