import type { Controller, ControllerContext } from '../context.js';

/** Not built yet: a placeholder so the cluster composes. */
export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';

  constructor(readonly ctx: ControllerContext) {}

  start(): void {}
}
