import { defaultSettings } from '../../src/index.js';

/**
 * The seed of a scenario: the runner's `--seed` (the world parameter `seed`), else the
 * KUBESIM_SEED environment variable, else kubesim's fixed default.
 */
export function scenarioSeed(
  parameters: { seed?: unknown } | undefined,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const raw = parameters?.seed ?? env.KUBESIM_SEED;
  if (raw === undefined || raw === '') return defaultSettings().seed;
  const seed = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`the seed must be a whole number from 0 to 4294967295, not "${String(raw)}"`);
  }
  return seed;
}
