/**
 * kubesim's POSIX-sh interpreter and container file system (busybox/alpine containers, exec
 * probes, `kubectl exec`). See README.md beside this file for the supported subset.
 *
 *   const fs = createContainerFs({ hostname: 'web-0', namespace: 'default', podIPs: ['10.244.0.5'] });
 *   const proc = new ShellProcess(argvToScript(containerArgv(c.command, c.args)), { fs, env, now, output });
 *   new ShellRunner(proc, host).start();                       // container main process
 *   runToCompletion(['cat', '/tmp/healthy'], { fs, env }, net); // exec probe
 */
export type { Command, Script, Word } from './ast.js';
export { SIM_EPOCH_MS, strftime } from './commands/date.js';
export type { Applet, AppletContext, SystemApi } from './commands/types.js';
export type {
  Answer,
  DnsAnswer,
  DnsRequest,
  Effect,
  HttpAnswer,
  HttpRequest,
  NetError,
  Signal,
  Step,
  TcpAnswer,
  TcpRequest,
} from './effects.js';
export { SIGNAL_NUMBERS } from './effects.js';
export { type ShellHost, ShellRunner } from './host.js';
export {
  ALPINE_IMAGE,
  argvToScript,
  BUSYBOX_IMAGE,
  containerArgv,
  type ImageCommand,
  type Invocation,
} from './invocation.js';
export { LineSplitter, type OutputSink } from './io.js';
export { parse, parseScript, ShSyntaxError } from './parser.js';
export {
  type Delivery,
  type EnvInput,
  IMAGE_PATH,
  runtimeEnvironment,
  ShellProcess,
  type ShellProcessOptions,
} from './process.js';
export { type ContainerFsOptions, createContainerFs, hostsFile, resolvConf } from './rootfs.js';
export { type ExecDriver, type ExecOptions, type ExecResult, runToCompletion } from './run.js';
export { type Errno, type MountOptions, STRERROR, Vfs, VfsError, type VfsStat, Volume } from './vfs.js';
