/**
 * Request/response calls over one FramedSocket, many in flight at once, matched by id.
 * Used for the namenode's two boundaries (client↔namenode and datanode↔namenode).
 * Every call has a timeout; a lost connection fails every call in flight with a clear error.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { formatAddress, type NodeAddress } from '../address.js';
import { DfsError, ERROR_CODES, errorCode, errorMessage } from '../errors.js';
import { count, literal, message, object, oneOfStrings, string, union, unknownValue, type Schema } from '../protocol/schema.js';
import { FramedSocket } from './framed-socket.js';

const requestEnvelope = object({ type: literal('request'), id: count, body: unknownValue });
const responseEnvelope = union(
  message('response', { id: count, body: unknownValue }),
  message('failure', { id: count, code: oneOfStrings(...ERROR_CODES), error: string }),
);

interface PendingCall {
  resolve(body: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class RpcClient {
  private nextId = 1;
  private readonly calls = new Map<number, PendingCall>();

  private constructor(
    private readonly connection: FramedSocket,
    private readonly defaultTimeoutMs: number,
  ) {
    void this.readResponses();
  }

  static async connect(address: NodeAddress, what: string, timeoutMs: number): Promise<RpcClient> {
    return new RpcClient(await FramedSocket.connect(address, what, Math.min(timeoutMs, 10_000)), timeoutMs);
  }

  get closed(): boolean {
    return this.connection.closed;
  }

  async call<T>(body: { type: string }, responseSchema: Schema<T>, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    const id = this.nextId++;
    const response = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.calls.delete(id);
        reject(new DfsError('TIMEOUT', `${this.connection.peer} did not answer ${body.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.calls.set(id, { resolve, reject, timer });
    });
    this.connection.send({ type: 'request', id, body }).catch((error: Error) => this.fail(id, error));
    return responseSchema.parse(await response, `${body.type} response`);
  }

  close(): void {
    this.connection.destroy();
  }

  private fail(id: number, error: Error): void {
    const call = this.calls.get(id);
    if (!call) return;
    this.calls.delete(id);
    clearTimeout(call.timer);
    call.reject(error);
  }

  private async readResponses(): Promise<void> {
    for (;;) {
      let frame;
      try {
        frame = await this.connection.receive(2 ** 31 - 1);
      } catch (error) {
        for (const id of [...this.calls.keys()]) this.fail(id, error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (frame.kind !== 'message') continue;
      let envelope;
      try {
        envelope = responseEnvelope.parse(frame.value, 'response');
      } catch (error) {
        this.connection.destroy();
        for (const id of [...this.calls.keys()]) this.fail(id, error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const call = this.calls.get(envelope.id);
      if (!call) continue;
      this.calls.delete(envelope.id);
      clearTimeout(call.timer);
      if (envelope.type === 'response') call.resolve(envelope.body);
      else call.reject(new DfsError(envelope.code, envelope.error));
    }
  }
}

/** One client connection as the server sees it; handlers may keep per-connection state on it. */
export interface RpcConnection {
  readonly id: number;
  readonly remote: string;
}

export interface RpcHandler<Request> {
  requestSchema: Schema<Request>;
  handle(request: Request, connection: RpcConnection): Promise<object> | object;
  onDisconnect?(connection: RpcConnection): void;
}

export interface RpcServer {
  readonly address: NodeAddress;
  close(): Promise<void>;
}

export async function startRpcServer<Request>(host: string, port: number, handler: RpcHandler<Request>): Promise<RpcServer> {
  const sockets = new Set<Socket>();
  let nextConnectionId = 1;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const connection: RpcConnection = { id: nextConnectionId++, remote: `${socket.remoteAddress}:${socket.remotePort}` };
    void serveConnection(new FramedSocket(socket, `client ${connection.remote}`), connection, handler);
  });
  await listen(server, host, port);
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('server has no TCP address');
  return {
    address: { host, port: bound.port },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'address already in use' : errorMessage(error);
      reject(new DfsError('UNAVAILABLE', `cannot listen on ${formatAddress({ host, port })}: ${reason}`));
    });
    server.listen(port, host, () => resolve());
  });
}

async function serveConnection<Request>(socket: FramedSocket, connection: RpcConnection, handler: RpcHandler<Request>) {
  try {
    for (;;) {
      const frame = await socket.receive(2 ** 31 - 1);
      if (frame.kind !== 'message') throw new DfsError('PROTOCOL', 'unexpected data frame on an RPC connection');
      const envelope = requestEnvelope.parse(frame.value, 'request');
      void answer(socket, connection, handler, envelope.id, envelope.body);
    }
  } catch {
    socket.destroy();
  } finally {
    handler.onDisconnect?.(connection);
  }
}

async function answer<Request>(socket: FramedSocket, connection: RpcConnection, handler: RpcHandler<Request>, id: number, body: unknown) {
  try {
    const request = handler.requestSchema.parse(body, 'request');
    const response = await handler.handle(request, connection);
    await socket.send({ type: 'response', id, body: response });
  } catch (error) {
    await socket.send({ type: 'failure', id, code: errorCode(error), error: errorMessage(error) }).catch(() => undefined);
  }
}
