import type { Controller, ControllerContext } from '../context.js';

/** Not built yet: a placeholder so the cluster composes. */
export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';

  constructor(readonly ctx: ControllerContext) {}

  start(): void {}
}
