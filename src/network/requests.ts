/**
 * The request log: every request the simulated network carried, with its simulated time, where
 * it came from, where it went and what came back. Rules over time ("never a failed request",
 * "every request reached a ready pod"), reports and the traffic steps read this one list. It is
 * kept beside the store's history, not in it: requests are not API objects.
 */

/**
 * Why a request failed, as a client sees it:
 * - `unresolvable`: DNS has no such name (wget: `bad address`);
 * - `refused`: nothing listens on the port, or the Service has no endpoint (kube-proxy REJECT);
 * - `timeout`: nothing answers: the pod is gone, or the address is not reachable from the client;
 * - `reset`: the connection was accepted and closed without an answer (not HTTP; a port-forward
 *   that failed);
 * - `external`: a name or address outside the simulated cluster (ExternalName services too).
 */
export type RequestError = 'unresolvable' | 'refused' | 'timeout' | 'reset' | 'external';

export interface RequestRecord {
  /** 0, 1, 2, … in the order the network carried them. */
  readonly seq: number;
  /** Simulated ms. */
  readonly at: number;
  /** `outside`, `cluster` (an anonymous client pod) or the client pod as `namespace/name`. */
  readonly source: string;
  readonly url: string;
  /** The IP the client connected to (the host's DNS answer, or the host itself). */
  readonly address?: string;
  readonly port: number;
  /** The Service that routed it (`namespace/name`) and the Service port. */
  readonly service?: string;
  readonly servicePort?: number;
  /** The local port of the port-forward that carried it. */
  readonly forward?: number;
  /** The pod it reached or was sent to (`namespace/name`), its IP and the port on it. */
  readonly pod?: string;
  readonly podIP?: string;
  readonly targetPort?: number;
  /** The pod's Ready condition at the moment the request reached it. */
  readonly podReady?: boolean;
  readonly status?: number;
  readonly body?: string;
  readonly error?: RequestError;
  /** What the client printed for a failure, in busybox wget's words. */
  readonly message?: string;
  /** Why, in kubesim's words (`the Service has no ready endpoint`). */
  readonly detail?: string;
  /** An HTTP status below 400. */
  readonly ok: boolean;
}

export type RequestListener = (record: RequestRecord) => void;

/** The records in order, and listeners told of each new one. */
export class RequestLog {
  private readonly records: RequestRecord[] = [];
  private readonly listeners: RequestListener[] = [];

  get all(): readonly RequestRecord[] {
    return this.records;
  }

  get length(): number {
    return this.records.length;
  }

  /** Appends a record (its seq is assigned here) and tells the listeners. */
  add(record: Omit<RequestRecord, 'seq'>): RequestRecord {
    const full = { seq: this.records.length, ...record } as RequestRecord;
    this.records.push(full);
    for (const l of [...this.listeners]) l(full);
    return full;
  }

  /** Calls `listener` for every request from now on; returns a function that stops it. */
  subscribe(listener: RequestListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  since(seq: number): readonly RequestRecord[] {
    return this.records.slice(seq);
  }
}
