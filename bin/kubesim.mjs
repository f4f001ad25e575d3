#!/usr/bin/env node
// The kubesim command. Its sources are TypeScript, compiled in memory by tsx as they load, so
// the package needs no build step. Everything is found relative to this file (the kubesim
// package), never the working directory, so `npx kubesim` works from any repository.
import '../steps/00-register-tsx.mjs';

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
