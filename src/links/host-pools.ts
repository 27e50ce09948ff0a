// The checker's dispatcher: one undici Pool per origin, closed as soon as its host has no more work.
import { Dispatcher, Pool } from 'undici';

/**
 * Routes each request to its origin's Pool, like undici's Agent, but lets the checker close a host's pools the moment
 * the host's work is done. An Agent keeps an origin's pool while any of its sockets is open, and a server's
 * `Keep-Alive: timeout=…` hint can hold an idle socket for many seconds: across a thousand finished hosts those idle
 * sockets would outnumber the requests in flight. A request for a closed host later (a redirect back to it) simply
 * gets a new pool.
 */
export class HostPools extends Dispatcher {
  readonly #options: Pool.Options;
  readonly #pools = new Map<string, Pool>();
  /** Origins by hostname: a host may be reached on several ports and schemes. */
  readonly #originsByHost = new Map<string, Set<string>>();
  #isClosed = false;

  /** `options` are given to every Pool. */
  constructor(options: Pool.Options) {
    super();
    this.#options = options;
  }

  /** Pools currently open (one per origin with work or not yet closed). */
  get poolCount(): number {
    return this.#pools.size;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (this.#isClosed) throw new Error('the link checker is closed');
    const origin = String(options.origin);
    let pool = this.#pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, this.#options);
      this.#pools.set(origin, pool);
      const hostname = new URL(origin).hostname;
      let origins = this.#originsByHost.get(hostname);
      if (!origins) {
        origins = new Set();
        this.#originsByHost.set(hostname, origins);
      }
      origins.add(origin);
    }
    return pool.dispatch(options, handler);
  }

  /**
   * Closes every pool of `hostname` (as `URL.hostname` spells it): idle sockets at once, a request still finishing
   * (a body being drained) when it is done. Requests dispatched afterwards open a new pool.
   */
  closeHost(hostname: string): void {
    const origins = this.#originsByHost.get(hostname);
    if (!origins) return;
    this.#originsByHost.delete(hostname);
    for (const origin of origins) {
      const pool = this.#pools.get(origin);
      this.#pools.delete(origin);
      void pool?.close().catch(() => undefined);
    }
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closing = this.#shutDown((pool) => pool.close());
    if (!callback) return closing;
    void closing.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(errorOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
    const error = typeof errorOrCallback === 'function' ? null : (errorOrCallback ?? null);
    const done = typeof errorOrCallback === 'function' ? errorOrCallback : callback;
    const destroying = this.#shutDown((pool) => pool.destroy(error));
    if (!done) return destroying;
    void destroying.then(done);
  }

  async #shutDown(each: (pool: Pool) => Promise<void>): Promise<void> {
    this.#isClosed = true;
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    this.#originsByHost.clear();
    await Promise.all(pools.map((pool) => each(pool).catch(() => undefined)));
  }
}
