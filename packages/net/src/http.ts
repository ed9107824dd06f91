/**
 * The only place Flint listens for HTTP, held to the same limits as the framed servers
 * (limits.ts): a request must arrive whole within the frame timeout (its headers within at most
 * 10 s), headers are capped at 16 KiB, an idle connection is closed after the idle timeout, one
 * address may hold at most maxConnectionsPerPeer connections, and a body declared larger than
 * `maxBodyBytes` is refused with 413 before any handler runs (a body a handler leaves unread is
 * discarded as it comes, within the request timeout), and a request target that is no URL
 * (`//x:99999`, `//[`) gets 400 before any handler runs, so every handler may read
 * `new URL(request.url, base)`. A handler that throws answers 500 and keeps the server up. An endpoint that changes something must first check the cluster secret.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { NetAddress } from './address.js';
import { errorMessage } from './errors.js';
import { connectionLimits, type ConnectionLimits } from './limits.js';
import { listenOn } from './listen.js';
import { PeerConnections } from './peer-connections.js';
import { serverTls } from './tls.js';
import { createServer as createHttpsServer } from 'node:https';

export type HttpHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions {
  name: string;
  host: string;
  port: number;
  limits?: Partial<ConnectionLimits>;
  /** Largest request body accepted; default 1 MiB. */
  maxBodyBytes?: number;
  log?: (line: string) => void;
  handle: HttpHandler;
  /** Neither the server nor its connections keep the process alive (a driver's UI must not outlive its program). */
  unref?: boolean;
}

export interface HttpServer {
  readonly address: NetAddress;
  /** `http` or `https` (TLS on). */
  readonly scheme: 'http' | 'https';
  close(): Promise<void>;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BODY_BYTES = 2 ** 20;

export async function listenHttp(options: HttpServerOptions): Promise<HttpServer> {
  const log = options.log ?? (() => undefined);
  const limits = connectionLimits(options.limits);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const headersTimeout = Math.min(MAX_HEADERS_TIMEOUT_MS, limits.frameTimeoutMs);
  const tls = serverTls();
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const failed = (error: unknown) => {
      log(`${options.name}: ${request.method} ${request.url} failed: ${errorMessage(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error\n');
    };
    if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) {
      response.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
      response.end(`request body larger than ${maxBodyBytes} bytes\n`);
      return;
    }
    if (!URL.canParse(request.url ?? '/', 'http://host')) {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end('malformed request target\n');
      return;
    }
    try {
      Promise.resolve(options.handle(request, response)).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
  const serverOptions = {
    headersTimeout,
    requestTimeout: limits.frameTimeoutMs,
    // How often Node looks for requests past those timeouts (its default is 30 s).
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, headersTimeout / 2)),
    maxHeaderSize: MAX_HEADER_BYTES,
  };
  // HTTPS when TLS is on (tls.ts); a client that does not finish its TLS handshake in time is dropped.
  const server = tls ? createHttpsServer({ ...serverOptions, ...tls, handshakeTimeout: limits.handshakeTimeoutMs }, handle) : createServer(serverOptions, handle);
  server.timeout = limits.idleTimeoutMs;
  server.on('timeout', (socket: Socket) => socket.destroy());
  server.on('clientError', (_error, socket) => socket.destroy());
  const peers = new PeerConnections(options.name, limits.maxConnectionsPerPeer, log);
  server.on('connection', (socket: Socket) => {
    if (peers.admit(socket) && options.unref) socket.unref();
  });
  await listenOn(server, options.host, options.port);
  if (options.unref) server.unref();
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error(`${options.name} has no TCP address`);
  return {
    address: { host: options.host, port: bound.port },
    scheme: tls ? 'https' : 'http',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
