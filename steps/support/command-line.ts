import { splitCommandLine } from '../../src/index.js';

/**
 * The kubectl arguments of a step's command line (`I run "kubectl get pods"`): its words, split
 * as kubectl's own entry point splits them, without a leading `kubectl`.
 */
export function kubectlArgs(line: string): string[] {
  const words = splitCommandLine(line);
  return words[0] === 'kubectl' ? words.slice(1) : words;
}
