/**
 * One connection carrying frames (see frame-decoder.ts). Incoming frames queue up until
 * `receive`d; when the queue is long the socket is paused, so a slow consumer pushes back on the
 * sender. A frame that stays half-sent past the frame timeout, or (on servers) a connection
 * silent past the idle timeout, is closed with the reason kept for `closeReason`.
 */
import type { Socket } from 'node:net';
import { decodeMessage, encodeMessage } from './codec.js';
import { NetError, ProtocolError, errorMessage } from './errors.js';
import { FrameDecoder, KIND_DATA, KIND_KEEPALIVE, KIND_MESSAGE, frameHeader } from './frame-decoder.js';
import type { Schema } from './schema.js';

export type Frame = { kind: 'message'; value: unknown } | { kind: 'data'; bytes: Buffer };

export interface FrameTimeouts {
  frameTimeoutMs: number;
  /** Close after this long without traffic; undefined keeps a quiet connection open. */
  idleTimeoutMs?: number;
}

const PAUSE_AT_QUEUED_BYTES = 8 * 1024 * 1024;
const MAX_UNSENT_BYTES = 16 * 2 ** 20;
/** What a queued control message counts for, so many small ones also pause the socket. */
const MESSAGE_WEIGHT = 64;

interface Waiter {
  resolve(frame: Frame): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

export class FramedConnection {
  private readonly decoder: FrameDecoder;
  private readonly frames: Frame[] = [];
  private queuedBytes = 0;
  private readonly waiters: Waiter[] = [];
  private closedError: NetError | undefined;
  private frameTimer: NodeJS.Timeout | undefined;
  private keepAliveTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: Socket,
    /** Who is on the other side, for error messages. */
    readonly peer: string,
    maxFrameBytes: number,
    private readonly timeouts: FrameTimeouts,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
    socket.setNoDelay(true);
    if (timeouts.idleTimeoutMs !== undefined) {
      socket.setTimeout(timeouts.idleTimeoutMs, () => this.destroy(new NetError('TIMEOUT', `${peer} was idle for ${timeouts.idleTimeoutMs} ms`)));
    }
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.onClosed(new NetError('UNAVAILABLE', `connection to ${peer} failed: ${errorMessage(error)}`)));
    socket.on('close', () => this.onClosed(new NetError('UNAVAILABLE', `connection to ${peer} closed`)));
  }

  get closed(): boolean {
    return this.closedError !== undefined;
  }

  /** Why the connection closed, once it has. */
  get closeReason(): string | undefined {
    return this.closedError?.message;
  }

  /** The remote IP address, for per-peer limits and logs. */
  get remoteAddress(): string {
    return this.socket.remoteAddress ?? 'unknown';
  }

  /** Raises (or lowers) the frame limit; the handshake runs under a small one. */
  set maxFrameBytes(bytes: number) {
    this.decoder.maxFrameBytes = bytes;
  }

  send(message: object): Promise<void> {
    return this.write(KIND_MESSAGE, encodeMessage(message));
  }

  sendData(bytes: Uint8Array): Promise<void> {
    return this.write(KIND_DATA, bytes);
  }

  /** The next frame; rejects when the connection closes or nothing arrives within `timeoutMs`. */
  receive(timeoutMs?: number): Promise<Frame> {
    const frame = this.frames.shift();
    if (frame) {
      this.dequeued(frame);
      return Promise.resolve(frame);
    }
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      if (timeoutMs !== undefined) {
        waiter.timer = setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new NetError('TIMEOUT', `${this.peer} did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.waiters.push(waiter);
    });
  }

  /** The next frame, which must be a control message of `schema`. */
  async receiveMessage<T>(schema: Schema<T>, what: string, timeoutMs?: number): Promise<T> {
    const frame = await this.receive(timeoutMs);
    if (frame.kind !== 'message') throw new ProtocolError(`${this.peer} sent data where a ${what} was expected`);
    return schema.parse(frame.value, what);
  }

  /**
   * For serving loops: the next message of `schema`, or undefined once the peer has closed the
   * connection. A message that does not fit, a half-sent frame or an idle timeout throws.
   */
  async nextMessage<T>(schema: Schema<T>, what: string): Promise<T | undefined> {
    try {
      return await this.receiveMessage(schema, what);
    } catch (error) {
      if (error instanceof NetError && error.code === 'UNAVAILABLE') return undefined;
      throw error;
    }
  }

  /**
   * Resolves once at most `maxBytes` written to this connection wait to be sent (or it has closed):
   * a server awaits it before reading the next request, so a peer that does not read pushes back.
   */
  whenUnsentBelow(maxBytes = MAX_UNSENT_BYTES): Promise<void> {
    if (this.socket.writableLength <= maxBytes || this.closedError) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.once('drain', done);
      this.socket.once('close', done);
    });
  }

  /**
   * Sends a keepalive frame every `intervalMs` (dialing sides do, a third of the idle timeout):
   * the server's idle timeout then closes only a peer that went silent, never one that is
   * waiting, say, for a long task to end. The timer does not keep the process alive.
   */
  keepAlive(intervalMs: number): void {
    clearInterval(this.keepAliveTimer);
    const keepalive = frameHeader(KIND_KEEPALIVE, 0);
    this.keepAliveTimer = setInterval(() => this.closedError || this.socket.write(keepalive), intervalMs);
    this.keepAliveTimer.unref();
  }

  /** Half-closes after flushing what was written. */
  end(): void {
    this.socket.end();
  }

  /** Closes at once; `reason` is what waiting receivers (and closeReason) get. */
  destroy(reason?: NetError): void {
    if (reason) this.onClosed(reason);
    this.socket.destroy();
  }

  private write(kind: number, payload: Uint8Array): Promise<void> {
    if (this.closedError) return Promise.reject(this.closedError);
    this.socket.cork();
    this.socket.write(frameHeader(kind, payload.length));
    const flushed = this.socket.write(payload);
    this.socket.uncork();
    if (flushed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onDrain = () => {
        this.socket.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        this.socket.off('drain', onDrain);
        reject(this.closedError ?? new NetError('UNAVAILABLE', `connection to ${this.peer} closed`));
      };
      this.socket.once('drain', onDrain);
      this.socket.once('close', onClose);
    });
  }

  private onData(chunk: Buffer): void {
    if (this.closedError) return;
    let frames;
    try {
      const raws = this.decoder.push(chunk);
      if (raws.length > 0) this.clearFrameTimer();
      frames = raws
        .filter((raw) => raw.kind !== KIND_KEEPALIVE)
        .map((raw): Frame => (raw.kind === KIND_DATA ? { kind: 'data', bytes: raw.payload } : { kind: 'message', value: decodeMessage(raw.payload) }));
    } catch (error) {
      this.destroy(error instanceof NetError ? error : new ProtocolError(errorMessage(error)));
      return;
    }
    if (this.decoder.midFrame && !this.frameTimer) {
      this.frameTimer = setTimeout(
        () => this.destroy(new NetError('TIMEOUT', `${this.peer} left a frame half-sent for ${this.timeouts.frameTimeoutMs} ms`)),
        this.timeouts.frameTimeoutMs,
      );
    }
    for (const frame of frames) this.deliver(frame);
  }

  private clearFrameTimer(): void {
    clearTimeout(this.frameTimer);
    this.frameTimer = undefined;
  }

  private deliver(frame: Frame): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(frame);
      return;
    }
    this.frames.push(frame);
    this.queuedBytes += frame.kind === 'data' ? frame.bytes.length : MESSAGE_WEIGHT;
    if (this.queuedBytes > PAUSE_AT_QUEUED_BYTES) this.socket.pause();
  }

  private dequeued(frame: Frame): void {
    this.queuedBytes -= frame.kind === 'data' ? frame.bytes.length : MESSAGE_WEIGHT;
    if (this.queuedBytes <= PAUSE_AT_QUEUED_BYTES && this.socket.isPaused() && !this.closedError) this.socket.resume();
  }

  private onClosed(error: NetError): void {
    if (this.closedError) return;
    this.closedError = error;
    this.clearFrameTimer();
    clearInterval(this.keepAliveTimer);
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }
}
