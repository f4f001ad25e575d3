/**
 * The ports bound in one network namespace: a pod's containers share one (the pause
 * container's), so two containers of a pod cannot both listen on port 80. The second one's
 * `bind()` fails with EADDRINUSE and what it does then is up to its image (nginx retries and
 * exits 1, a Go server exits at once). A process that ends releases its ports.
 */
export class PortSpace {
  private readonly owners = new Map<number, object>();

  /** Binds `port` for `owner`; false when another owner holds it. */
  bind(port: number, owner: object): boolean {
    const holder = this.owners.get(port);
    if (holder !== undefined && holder !== owner) return false;
    this.owners.set(port, owner);
    return true;
  }

  /** Releases every port `owner` holds. */
  release(owner: object): void {
    for (const [port, holder] of this.owners) if (holder === owner) this.owners.delete(port);
  }

  holder(port: number): object | undefined {
    return this.owners.get(port);
  }
}
