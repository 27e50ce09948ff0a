// The socket budget alone, over a fake connector: connections past the limit wait for a socket to close.
import { EventEmitter } from 'node:events';
import type { buildConnector } from 'undici';
import { describe, expect, it } from 'vitest';
import { createSocketBudget } from '../../../src/links/socket-budget.js';

/** A connector whose connections complete when the test says, with sockets that close when the test says. */
function fakeConnector() {
  const pending: Array<{ host: string; complete: (error?: Error) => EventEmitter }> = [];
  const connector = ((options: { hostname: string }, callback: (error: Error | null, socket: EventEmitter | null) => void) => {
    pending.push({
      host: options.hostname,
      complete: (error) => {
        const socket = new EventEmitter();
        if (error) callback(error, null);
        else callback(null, socket);
        return socket;
      },
    });
  }) as unknown as buildConnector.connector;
  return { connector, pending };
}

const connectTo = (connector: buildConnector.connector, hostname: string, connected: string[]) =>
  connector({ hostname, host: hostname, protocol: 'http:', port: '80' } as buildConnector.Options, (...[error]: buildConnector.CallbackArgs) => {
    if (!error) connected.push(hostname);
  });

describe('socket budget', () => {
  it('starts a connection past the limit only once an open socket has closed, and asks for an idle one to close', () => {
    let freeIdleCalls = 0;
    const budget = createSocketBudget(2, () => {
      freeIdleCalls += 1;
      return false;
    });
    const fake = fakeConnector();
    const connector = budget.wrap(fake.connector);
    const connected: string[] = [];
    connectTo(connector, 'a', connected);
    connectTo(connector, 'b', connected);
    connectTo(connector, 'c', connected);
    // Two connections started; the third waits without reaching the real connector.
    expect(fake.pending.map((p) => p.host)).toEqual(['a', 'b']);
    expect(freeIdleCalls).toBe(1);
    expect(budget.stats()).toEqual({ open: 2, maxOpen: 2, waiting: 1 });
    const socketA = fake.pending[0]!.complete();
    fake.pending[1]!.complete();
    expect(connected).toEqual(['a', 'b']);
    // A socket's close hands its slot to the waiting connection.
    socketA.emit('close');
    expect(fake.pending.map((p) => p.host)).toEqual(['a', 'b', 'c']);
    expect(budget.stats()).toEqual({ open: 2, maxOpen: 2, waiting: 0 });
    // A close counted once, even when the event were to come again.
    socketA.emit('close');
    expect(budget.stats().open).toBe(2);
  });

  it('gives the slot back when a connection fails, and counts sockets down as they close', () => {
    const budget = createSocketBudget(1, () => false);
    const fake = fakeConnector();
    const connector = budget.wrap(fake.connector);
    const connected: string[] = [];
    connectTo(connector, 'a', connected);
    connectTo(connector, 'b', connected);
    expect(fake.pending).toHaveLength(1);
    fake.pending[0]!.complete(new Error('ECONNREFUSED'));
    expect(fake.pending.map((p) => p.host)).toEqual(['a', 'b']);
    const socketB = fake.pending[1]!.complete();
    expect(connected).toEqual(['b']);
    socketB.emit('close');
    expect(budget.stats()).toEqual({ open: 0, maxOpen: 1, waiting: 0 });
  });

  it('turns a connector that throws into a failed connection and frees its slot, also for one that waited', () => {
    const budget = createSocketBudget(1, () => false);
    const fake = fakeConnector();
    let shouldThrow = false;
    const connector = budget.wrap(((options: buildConnector.Options, callback: buildConnector.Callback) => {
      if (shouldThrow) throw new Error('bad options');
      fake.connector(options, callback);
    }) as buildConnector.connector);
    const failures: string[] = [];
    const attempt = (hostname: string) =>
      connector({ hostname, host: hostname, protocol: 'http:', port: '80' } as buildConnector.Options, (...[error]: buildConnector.CallbackArgs) => {
        if (error) failures.push(`${hostname}: ${error.message}`);
      });
    attempt('a');
    attempt('b');
    shouldThrow = true;
    // b starts from a's close event: its throw reaches b's callback, not the socket's event.
    fake.pending[0]!.complete().emit('close');
    expect(failures).toEqual(['b: bad options']);
    expect(budget.stats()).toEqual({ open: 0, maxOpen: 1, waiting: 0 });
  });
});
