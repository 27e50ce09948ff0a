// The checker's dispatcher: a few undici Clients per origin, closed as soon as their host has no more work.
import { buildConnector, Client, Dispatcher } from 'undici';
import { createSocketBudget, type SocketBudget } from './socket-budget.js';

/** Options of {@link HostPools}: every Client's, plus the most connections one origin may have. */
export interface HostPoolsOptions extends Omit<Client.Options, 'connect'> {
  connect: buildConnector.BuildOptions;
  /** Most connections to one origin; default: no limit. */
  connections?: number;
  /** Most sockets open at once, all origins together (closing ones included); default: no limit. */
  maxSockets?: number;
}

/**
 * Routes each request to a Client of its origin, like undici's Agent, but lets the checker close a host's connections
 * the moment the host's work is done. An Agent keeps an origin's pool while any of its sockets is open, and a
 * server's `Keep-Alive: timeout=…` hint can hold an idle socket for many seconds: across a thousand finished hosts
 * those idle sockets would outnumber the requests in flight. A request for a closed host later (a redirect back to
 * it) simply gets new connections.
 *
 * It keeps its own few Clients per origin rather than an undici Pool: a Pool carries a 16 kB request queue from its
 * first request, which across a thousand hosts checked side by side is megabytes for a queue the checker never
 * fills (its scheduler sends a host no more requests than the host has connections). One connector, built once,
 * serves every Client.
 */
export class HostPools extends Dispatcher {
  readonly #clientOptions: Client.Options;
  readonly #connections: number;
  readonly #origins = new Map<string, OriginClients>();
  /** Origins by hostname: a host may be reached on several ports and schemes. */
  readonly #originsByHost = new Map<string, Set<string>>();
  readonly #sockets: SocketBudget | undefined;
  #isClosed = false;

  constructor(options: HostPoolsOptions) {
    super();
    const { connect, connections, maxSockets, ...clientOptions } = options;
    const connector = buildConnector(connect);
    this.#sockets = maxSockets === undefined ? undefined : createSocketBudget(maxSockets, () => this.#closeOneIdle());
    this.#clientOptions = { ...clientOptions, connect: this.#sockets?.wrap(connector) ?? connector };
    this.#connections = Math.max(1, connections ?? Number.POSITIVE_INFINITY);
  }

  /** Origins with connections open or requests under way. */
  get poolCount(): number {
    return this.#origins.size;
  }

  /** Sockets open now and at most (with `maxSockets` only: counted by the budget that holds them to it). */
  get socketStats(): { open: number; maxOpen: number } | undefined {
    const stats = this.#sockets?.stats();
    return stats && { open: stats.open, maxOpen: stats.maxOpen };
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (this.#isClosed) throw new Error('the link checker is closed');
    const origin = String(options.origin);
    let clients = this.#origins.get(origin);
    if (clients) {
      // Most recently used last: the first origins in the map are the ones whose idle connections go first.
      this.#origins.delete(origin);
      this.#origins.set(origin, clients);
    } else {
      clients = new OriginClients(origin, this.#clientOptions, this.#connections, this.#onIdle);
      this.#origins.set(origin, clients);
      const hostname = new URL(origin).hostname;
      let origins = this.#originsByHost.get(hostname);
      if (!origins) {
        origins = new Set();
        this.#originsByHost.set(hostname, origins);
      }
      origins.add(origin);
    }
    return clients.dispatch(options, handler);
  }

  /**
   * Closes every connection to `hostname` (as `URL.hostname` spells it): idle ones at once, one still finishing a
   * request (a body being drained) when it is done. Requests dispatched afterwards open new connections.
   */
  closeHost(hostname: string): void {
    const origins = this.#originsByHost.get(hostname);
    if (!origins) return;
    this.#originsByHost.delete(hostname);
    for (const origin of origins) {
      const clients = this.#origins.get(origin);
      this.#origins.delete(origin);
      void clients?.close();
    }
  }

  /** A connection turned idle: closed at once when another connection is waiting for its socket slot. */
  readonly #onIdle = (clients: OriginClients, client: Client): void => {
    if (this.#sockets?.hasWaiting()) clients.closeIfIdle(client);
  };

  /** Closes one idle keep-alive connection, of the origin used least recently; false when none is idle. */
  #closeOneIdle(): boolean {
    for (const clients of this.#origins.values()) if (clients.closeIdle()) return true;
    return false;
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closing = this.#shutDown((clients) => clients.close());
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
    const destroying = this.#shutDown((clients) => clients.destroy(error));
    if (!done) return destroying;
    void destroying.then(done);
  }

  async #shutDown(each: (clients: OriginClients) => Promise<void>): Promise<void> {
    this.#isClosed = true;
    const all = [...this.#origins.values()];
    this.#origins.clear();
    this.#originsByHost.clear();
    await Promise.all(all.map(each));
  }
}

/**
 * Up to `max` connections to one origin, each an undici Client; a request goes to one with nothing queued or running.
 * Asked directly rather than tracked through `drain` events, which come a turn after a response ends: the scheduler
 * counts a connection as free from that moment, and a new one opened in between would be a socket it does not know of.
 */
class OriginClients {
  readonly #origin: string;
  readonly #options: Client.Options;
  readonly #max: number;
  readonly #onIdle: (clients: OriginClients, client: Client) => void;
  readonly #clients: Client[] = [];

  constructor(origin: string, options: Client.Options, max: number, onIdle: (clients: OriginClients, client: Client) => void) {
    this.#origin = origin;
    this.#options = options;
    this.#max = max;
    this.#onIdle = onIdle;
  }

  dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const client = this.#clients.find((c) => c.stats.size === 0) ?? this.#addClient() ?? this.#leastLoaded();
    client.dispatch(options, handler);
    return true;
  }

  /** Closes one connection that is open with nothing queued or running; false when there is none. */
  closeIdle(): boolean {
    const client = this.#clients.find(isIdle);
    return client !== undefined && this.closeIfIdle(client);
  }

  /** Closes `client` if it is open with nothing queued or running; later requests of the origin get another. */
  closeIfIdle(client: Client): boolean {
    const at = this.#clients.indexOf(client);
    if (at === -1 || !isIdle(client)) return false;
    this.#clients.splice(at, 1);
    void client.close().catch(() => undefined);
    return true;
  }

  close(): Promise<void> {
    return this.#each((client) => client.close());
  }

  destroy(error: Error | null): Promise<void> {
    return this.#each((client) => client.destroy(error));
  }

  #addClient(): Client | undefined {
    if (this.#clients.length >= this.#max) return undefined;
    const client = new Client(this.#origin, this.#options);
    // `drain` comes a turn after a response ends, once the client has room again.
    client.on('drain', () => this.#onIdle(this, client));
    this.#clients.push(client);
    return client;
  }

  /** Every connection is busy (a body still draining, a redirect back to the host): queue behind the shortest line. */
  #leastLoaded(): Client {
    return this.#clients.reduce((best, client) => (client.stats.size < best.stats.size ? client : best));
  }

  async #each(action: (client: Client) => Promise<void>): Promise<void> {
    const clients = this.#clients.splice(0);
    await Promise.all(clients.map((client) => action(client).catch(() => undefined)));
  }
}

function isIdle(client: Client): boolean {
  const stats = client.stats;
  return stats.connected && stats.size === 0;
}
