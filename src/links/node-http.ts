// Node's own HTTP/1.1 client, for the answers undici refuses: informational responses it did not ask for.
import { request as requestHttp, type IncomingMessage } from 'node:http';
import { request as requestHttps } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { GuardedLookup } from './address-guard.js';

/** One request for {@link requestWithNodeHttp}. */
export interface NodeHttpRequest {
  url: string;
  method: 'HEAD' | 'GET';
  headers: Record<string, string>;
  /** Every connection resolves through this lookup, so the private-address guard still decides. */
  lookup: GuardedLookup;
  /** Aborting it destroys the request, connection included. */
  signal: AbortSignal;
  maxHeaderBytes: number;
}

/**
 * Sends one request on a fresh connection (no shared agent) and resolves with the final response, its
 * body unread. Node's client parses and skips any 1xx responses before it, as RFC 9110 §15.2 asks.
 * Certificates are verified as for any https request.
 */
export function requestWithNodeHttp(req: NodeHttpRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const send = url.protocol === 'https:' ? requestHttps : requestHttp;
    const request = send(
      url,
      {
        method: req.method,
        headers: req.headers,
        agent: false,
        // Typed loosely because net's LookupFunction overloads can't be expressed by one function.
        lookup: req.lookup as unknown as LookupFunction,
        signal: req.signal,
        maxHeaderSize: req.maxHeaderBytes,
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}
