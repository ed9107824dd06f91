/**
 * The only place Flint listens for HTTP. Requests are held to short header and body timeouts;
 * a handler that throws answers 500 and keeps the server up. Flint's HTTP pages are read-only
 * today; an endpoint that changes something must first check the cluster secret.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { NetAddress } from './address.js';
import { errorMessage } from './errors.js';
import { listenOn } from './listen.js';

export type HttpHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions {
  name: string;
  host: string;
  port: number;
  log?: (line: string) => void;
  handle: HttpHandler;
  /** Neither the server nor its connections keep the process alive (a driver's UI must not outlive its program). */
  unref?: boolean;
}

export interface HttpServer {
  readonly address: NetAddress;
  close(): Promise<void>;
}

export async function listenHttp(options: HttpServerOptions): Promise<HttpServer> {
  const log = options.log ?? (() => undefined);
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, maxHeaderSize: 16 * 1024 }, (request, response) => {
    const failed = (error: unknown) => {
      log(`${options.name}: ${request.method} ${request.url} failed: ${errorMessage(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error\n');
    };
    try {
      Promise.resolve(options.handle(request, response)).catch(failed);
    } catch (error) {
      failed(error);
    }
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  if (options.unref) server.on('connection', (socket) => socket.unref());
  await listenOn(server, options.host, options.port);
  if (options.unref) server.unref();
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error(`${options.name} has no TCP address`);
  return {
    address: { host: options.host, port: bound.port },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
