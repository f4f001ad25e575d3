import type { ProgramName } from './behaviour.js';
import type { Program } from './process.js';
import { shellProgram } from './shell-program.js';

/** Program drivers by name: `shell` runs a busybox/alpine container's command (shell-program.ts). */
const programs = new Map<ProgramName, () => Program>([['shell', shellProgram]]);

/** Replaces a driver (tests; a future driver). */
export function registerProgram(name: ProgramName, factory: () => Program): void {
  programs.set(name, factory);
}

export function programFor(name: ProgramName): Program {
  const factory = programs.get(name);
  if (!factory) throw new Error(`no program driver registered for ${name}`);
  return factory();
}
