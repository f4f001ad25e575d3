import type { Controller, ControllerContext } from '../context.js';

/** Not built yet: a placeholder so the cluster composes. */
export class Kubelet implements Controller {
  readonly name: string;

  constructor(
    readonly ctx: ControllerContext,
    readonly nodeName: string,
  ) {
    this.name = `kubelet/${nodeName}`;
  }

  start(): void {}
}
