/**
 * The only place Flint opens connections: connect (over TLS when it is on, tls.ts), authenticate
 * with the cluster secret, then keep the connection alive (a keepalive frame every third of the
 * idle timeout, at most a minute apart) for as long as it is open.
 */
import { connect } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { clientTls } from './tls.js';
import { formatNetAddress, type NetAddress } from './address.js';
import { NetError, errorMessage } from './errors.js';
import { FramedConnection } from './framed-connection.js';
import { offerHandshake } from './handshake.js';
import { connectionLimits } from './limits.js';
import { clusterSecret } from './secret.js';

const MAX_KEEPALIVE_INTERVAL_MS = 60_000;

/** Connects to `what` (e.g. 'namenode') at `address`; fails within `timeoutMs` with one clear line. */
export async function dialFrames(address: NetAddress, what: string, timeoutMs: number): Promise<FramedConnection> {
  const peer = `${what} ${formatNetAddress(address)}`;
  const limits = connectionLimits();
  const tls = clientTls();
  const socket = await new Promise<import('node:net').Socket>((resolve, reject) => {
    // With TLS, the server's certificate must chain to our CA and name the host we dial.
    const socket = tls ? connectTls({ host: address.host, port: address.port, ca: tls.ca }) : connect({ host: address.host, port: address.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new NetError('UNAVAILABLE', `cannot reach ${peer}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const reason = error.code === 'ECONNREFUSED' ? 'connection refused' : errorMessage(error);
      reject(new NetError('UNAVAILABLE', `cannot reach ${peer}: ${reason}`));
    });
  });
  const connection = new FramedConnection(socket, peer, limits.maxFrameBytes, { frameTimeoutMs: limits.frameTimeoutMs });
  try {
    await offerHandshake(connection, clusterSecret(), Math.max(timeoutMs, limits.handshakeTimeoutMs));
  } catch (error) {
    connection.destroy();
    if (error instanceof NetError && error.code === 'UNAUTHENTICATED') throw error;
    throw new NetError('UNAVAILABLE', `cannot reach ${peer}: ${errorMessage(error)}`);
  }
  connection.keepAlive(Math.min(MAX_KEEPALIVE_INTERVAL_MS, Math.ceil(limits.idleTimeoutMs / 3)));
  return connection;
}
