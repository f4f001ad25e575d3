import type { Controller, ControllerContext } from '../context.js';

/** Not built yet: a placeholder so the cluster composes. */
export class Scheduler implements Controller {
  readonly name = 'default-scheduler';

  constructor(readonly ctx: ControllerContext) {}

  start(): void {}
}
