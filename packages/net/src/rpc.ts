/**
 * Request/response calls over one framed connection, many in flight at once, matched by id.
 * Every call has a timeout; a lost connection fails every call in flight with a clear error.
 * A failure travels as a code and a message; `toError` turns it back into the caller's error type.
 * A server reads a connection's next request only while at most 16 MiB of its answers wait to
 * be sent: a client that asks and does not read pushes back instead of filling memory.
 */
import type { NetAddress } from './address.js';
import { dialFrames } from './dial.js';
import { NetError, errorMessage } from './errors.js';
import type { FramedConnection } from './framed-connection.js';
import { listenFrames, type FrameServerOptions, type ListeningServer } from './listen.js';
import { PendingRequests } from './pending-requests.js';
import { count, literal, message, object, string, union, unknownValue, type Schema } from './schema.js';

const requestEnvelope = object({ type: literal('request'), id: count, body: unknownValue });
const responseEnvelope = union(
  message('response', { id: count, body: unknownValue }),
  message('failure', { id: count, code: string, error: string }),
);

export type RemoteErrorFactory = (code: string, message: string) => Error;

export class RpcClient {
  private readonly calls = new PendingRequests<unknown>();

  private constructor(
    private readonly connection: FramedConnection,
    private readonly defaultTimeoutMs: number,
    private readonly toError: RemoteErrorFactory,
  ) {
    void this.readResponses();
  }

  static async connect(address: NetAddress, what: string, timeoutMs: number, toError: RemoteErrorFactory): Promise<RpcClient> {
    return new RpcClient(await dialFrames(address, what, Math.min(timeoutMs, 10_000)), timeoutMs, toError);
  }

  get closed(): boolean {
    return this.connection.closed;
  }

  async call<T>(body: { type: string }, responseSchema: Schema<T>, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    const id = this.calls.newId();
    const response = this.calls.wait(id, timeoutMs, () => new NetError('TIMEOUT', `${this.connection.peer} did not answer ${body.type} within ${timeoutMs} ms`));
    this.connection.send({ type: 'request', id, body }).catch((error: Error) => this.calls.reject(id, error));
    return responseSchema.parse(await response, `${body.type} response`);
  }

  close(): void {
    this.connection.destroy();
  }

  private async readResponses(): Promise<void> {
    for (;;) {
      let envelope;
      try {
        envelope = await this.connection.receiveMessage(responseEnvelope, 'response');
      } catch (error) {
        this.connection.destroy();
        this.calls.rejectAll(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (envelope.type === 'response') this.calls.resolve(envelope.id, envelope.body);
      else this.calls.reject(envelope.id, this.toError(envelope.code, envelope.error));
    }
  }
}

/** One client connection as the server sees it; handlers may keep per-connection state keyed by its id. */
export interface RpcConnection {
  readonly id: number;
  readonly remote: string;
}

export interface RpcHandler<Request> {
  requestSchema: Schema<Request>;
  handle(request: Request, connection: RpcConnection): Promise<object> | object;
  onDisconnect?(connection: RpcConnection): void;
  /** The wire code of a failed request's error. */
  errorCode(error: unknown): string;
}

export async function serveRpc<Request>(
  options: Omit<FrameServerOptions, 'serve'>,
  handler: RpcHandler<Request>,
): Promise<ListeningServer> {
  let nextConnectionId = 1;
  return listenFrames({
    ...options,
    serve: async (socket) => {
      const connection: RpcConnection = { id: nextConnectionId++, remote: socket.peer };
      try {
        for (;;) {
          await socket.whenUnsentBelow();
          const envelope = await socket.nextMessage(requestEnvelope, 'request');
          if (!envelope) return;
          // A malformed request closes the connection before anything runs.
          const request = handler.requestSchema.parse(envelope.body, 'request');
          void answer(socket, connection, handler, envelope.id, request);
        }
      } finally {
        handler.onDisconnect?.(connection);
      }
    },
  });
}

async function answer<Request>(socket: FramedConnection, connection: RpcConnection, handler: RpcHandler<Request>, id: number, request: Request) {
  try {
    const response = await handler.handle(request, connection);
    await socket.send({ type: 'response', id, body: response });
  } catch (error) {
    await socket.send({ type: 'failure', id, code: handler.errorCode(error), error: errorMessage(error) }).catch(() => undefined);
  }
}
