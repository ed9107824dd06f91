/**
 * The only place Flint listens for frames. Every accepted connection is held to the connection
 * limits and must authenticate before `serve` sees it; a connection that fails is closed and
 * logged once, with the peer's address. A handler that throws closes its connection only.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { formatNetAddress, type NetAddress } from './address.js';
import { NetError, errorMessage } from './errors.js';
import { FramedConnection } from './framed-connection.js';
import { HANDSHAKE_MAX_FRAME_BYTES, acceptHandshake } from './handshake.js';
import { connectionLimits, type ConnectionLimits } from './limits.js';
import { clusterSecret } from './secret.js';
import { PeerConnections } from './peer-connections.js';
import { serverTls } from './tls.js';
import { createServer as createTlsServer } from 'node:tls';

export interface FrameServerOptions {
  /** What the server is, for logs: 'namenode', 'datanode', 'executor'. */
  name: string;
  host: string;
  port: number;
  limits?: Partial<ConnectionLimits>;
  log?: (line: string) => void;
  /** Serves one authenticated connection; it ends when the promise settles. */
  serve(connection: FramedConnection): Promise<void>;
}

export interface ListeningServer {
  readonly address: NetAddress;
  /** Connections open now (authenticated or not). */
  readonly connections: number;
  close(): Promise<void>;
}

export async function listenFrames(options: FrameServerOptions): Promise<ListeningServer> {
  const limits = connectionLimits(options.limits);
  const secret = clusterSecret();
  const log = options.log ?? (() => undefined);
  const sockets = new Set<Socket>();
  const peers = new PeerConnections(options.name, limits.maxConnectionsPerPeer, log);

  const tls = serverTls();
  const admit = (socket: Socket): boolean => {
    if (!peers.admit(socket)) return false;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return true;
  };
  const serveSocket = (socket: Socket): void => {
    const peer = `${socket.remoteAddress ?? 'unknown'}:${socket.remotePort}`;
    const connection = new FramedConnection(socket, `client ${peer}`, HANDSHAKE_MAX_FRAME_BYTES, {
      frameTimeoutMs: limits.frameTimeoutMs,
      idleTimeoutMs: limits.idleTimeoutMs,
    });
    void (async () => {
      try {
        await acceptHandshake(connection, secret, limits.handshakeTimeoutMs);
      } catch (error) {
        log(`${options.name}: refused connection from ${peer}: ${errorMessage(error)}`);
        connection.destroy();
        return;
      }
      connection.maxFrameBytes = limits.maxFrameBytes;
      try {
        await options.serve(connection);
      } catch (error) {
        log(`${options.name}: closed connection from ${peer}: ${errorMessage(error)}`);
        connection.destroy();
      }
    })();
  };
  // With TLS the cap counts raw connections, before their TLS handshake (which has the handshake timeout).
  const server = tls
    ? createTlsServer({ ...tls, handshakeTimeout: limits.handshakeTimeoutMs }, serveSocket)
    : createServer((socket) => void (admit(socket) && serveSocket(socket)));
  if (tls) {
    server.on('connection', (socket: Socket) => void admit(socket));
    server.on('tlsClientError', (error: Error, socket: Socket) => {
      log(`${options.name}: refused connection from ${socket.remoteAddress ?? 'unknown'}:${socket.remotePort}: TLS: ${errorMessage(error)}`);
    });
  }
  await listenOn(server, options.host, options.port);
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error(`${options.name} has no TCP address`);
  if (!secret) log(`${options.name}: WARNING: listening on ${options.host}:${bound.port} WITHOUT authentication: anyone who can reach it may use it`);
  return {
    address: { host: options.host, port: bound.port },
    get connections() {
      return sockets.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Binds `server`; a port in use or a bad host is one clear error. */
export function listenOn(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'address already in use' : errorMessage(error);
      reject(new NetError('UNAVAILABLE', `cannot listen on ${formatNetAddress({ host, port })}: ${reason}`));
    });
    server.listen(port, host, () => resolve());
  });
}
