import type { Controller, ControllerContext } from '../context.js';

/** Not built yet: a placeholder so the cluster composes. */
export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';

  constructor(readonly ctx: ControllerContext) {}

  start(): void {}
}
