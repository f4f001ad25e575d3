/** Why an allocator refused, with the message text the API server puts after "failed to allocate …: ". */
export type AllocatorErrorCode = 'full' | 'allocated' | 'not-in-range' | 'mismatched-network';

/**
 * The errors of pkg/registry/core/service/ipallocator (interfaces.go) and portallocator
 * (allocator.go): ErrFull, ErrAllocated, ErrNotInRange and ErrMismatchedNetwork.
 */
export class AllocatorError extends Error {
  constructor(
    readonly code: AllocatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AllocatorError';
  }
}

export const ipFull = (): AllocatorError => new AllocatorError('full', 'range is full');

export const ipAllocated = (): AllocatorError =>
  new AllocatorError('allocated', 'provided IP is already allocated');

export const ipNotInRange = (ip: string, cidr: string): AllocatorError =>
  new AllocatorError(
    'not-in-range',
    `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`,
  );

/**
 * What v1.33 answers for a requested ClusterIP outside every ServiceCIDR: with
 * MultiCIDRServiceAllocator (GA in 1.33) the MetaAllocator finds no allocator for the address
 * (cidrallocator.go getAllocator) and returns ErrMismatchedNetwork.
 */
export const ipMismatchedNetwork = (): AllocatorError =>
  new AllocatorError('mismatched-network', 'the provided network does not match the current range');

export const portFull = (): AllocatorError => new AllocatorError('full', 'range is full');

export const portAllocated = (): AllocatorError =>
  new AllocatorError('allocated', 'provided port is already allocated');

export const portNotInRange = (range: string): AllocatorError =>
  new AllocatorError(
    'not-in-range',
    `provided port is not in the valid range. The range of valid ports is ${range}`,
  );
