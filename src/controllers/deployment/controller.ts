import type { Controller, ControllerContext } from '../context.js';

/** Not built yet: a placeholder so the cluster composes. */
export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';

  constructor(readonly ctx: ControllerContext) {}

  start(): void {}
}
