/**
 * Length-prefixed frames over TCP. Every frame is `[u32 length][u8 kind][payload]`:
 * kind 0 carries a msgpack-encoded control message, kind 1 carries raw bulk bytes
 * (block data), which are never re-encoded. Incoming frames queue up until `receive`d;
 * when the queue is long the socket is paused, so a slow consumer pushes back on the sender.
 */
import { connect, type Socket } from 'node:net';
import { Packr } from 'msgpackr';
import { formatAddress, type NodeAddress } from '../address.js';
import { DfsError, errorMessage } from '../errors.js';

export type Frame = { kind: 'message'; value: unknown } | { kind: 'data'; bytes: Buffer };

const HEADER_BYTES = 5;
const KIND_MESSAGE = 0;
const KIND_DATA = 1;
const MAX_FRAME_BYTES = 64 * 1024 * 1024;
const PAUSE_AT_QUEUED_BYTES = 8 * 1024 * 1024;

const packr = new Packr({ useRecords: false, mapsAsObjects: true });

interface Waiter {
  resolve(frame: Frame): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

export class FramedSocket {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly frames: Frame[] = [];
  private queuedBytes = 0;
  private readonly waiters: Waiter[] = [];
  private closedError: Error | undefined;

  constructor(
    readonly socket: Socket,
    /** Who is on the other side, for error messages. */
    readonly peer: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.onClosed(new DfsError('UNAVAILABLE', `connection to ${peer} failed: ${errorMessage(error)}`)));
    socket.on('close', () => this.onClosed(new DfsError('UNAVAILABLE', `connection to ${peer} closed`)));
  }

  static connect(address: NodeAddress, what: string, timeoutMs: number): Promise<FramedSocket> {
    const peer = `${what} ${formatAddress(address)}`;
    return new Promise((resolve, reject) => {
      const socket = connect({ host: address.host, port: address.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new DfsError('UNAVAILABLE', `cannot reach ${peer}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new FramedSocket(socket, peer));
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const reason = error.code === 'ECONNREFUSED' ? 'connection refused' : errorMessage(error);
        reject(new DfsError('UNAVAILABLE', `cannot reach ${peer}: ${reason}`));
      });
    });
  }

  get closed(): boolean {
    return this.closedError !== undefined;
  }

  send(message: object): Promise<void> {
    return this.write(KIND_MESSAGE, packr.pack(message));
  }

  sendData(bytes: Uint8Array): Promise<void> {
    return this.write(KIND_DATA, bytes);
  }

  /** The next frame; rejects when the connection closes or nothing arrives within `timeoutMs`. */
  receive(timeoutMs: number): Promise<Frame> {
    const frame = this.frames.shift();
    if (frame) {
      this.dequeued(frame);
      return Promise.resolve(frame);
    }
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      waiter.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new DfsError('TIMEOUT', `${this.peer} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Half-closes after flushing what was written. */
  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private write(kind: number, payload: Uint8Array): Promise<void> {
    if (this.closedError) return Promise.reject(this.closedError);
    const header = Buffer.allocUnsafe(HEADER_BYTES);
    header.writeUInt32BE(payload.length + 1, 0);
    header.writeUInt8(kind, 4);
    this.socket.cork();
    this.socket.write(header);
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
        reject(this.closedError ?? new DfsError('UNAVAILABLE', `connection to ${this.peer} closed`));
      };
      this.socket.once('drain', onDrain);
      this.socket.once('close', onClose);
    });
  }

  private onData(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    while (this.pendingBytes >= HEADER_BYTES) {
      const head = this.peekBytes(HEADER_BYTES);
      const length = head.readUInt32BE(0);
      if (length < 1 || length > MAX_FRAME_BYTES) {
        this.socket.destroy();
        this.onClosed(new DfsError('PROTOCOL', `bad frame of ${length} bytes from ${this.peer}`));
        return;
      }
      if (this.pendingBytes < 4 + length) return;
      const frameBytes = this.takeBytes(4 + length);
      const kind = frameBytes[4];
      const payload = frameBytes.subarray(HEADER_BYTES);
      let frame: Frame;
      try {
        frame = kind === KIND_DATA ? { kind: 'data', bytes: payload } : { kind: 'message', value: packr.unpack(payload) };
      } catch (error) {
        this.socket.destroy();
        this.onClosed(new DfsError('PROTOCOL', `undecodable message from ${this.peer}: ${errorMessage(error)}`));
        return;
      }
      this.deliver(frame);
    }
  }

  private deliver(frame: Frame): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(frame);
      return;
    }
    this.frames.push(frame);
    this.queuedBytes += frame.kind === 'data' ? frame.bytes.length : 64;
    if (this.queuedBytes > PAUSE_AT_QUEUED_BYTES) this.socket.pause();
  }

  private dequeued(frame: Frame): void {
    this.queuedBytes -= frame.kind === 'data' ? frame.bytes.length : 64;
    if (this.queuedBytes <= PAUSE_AT_QUEUED_BYTES && this.socket.isPaused() && !this.closedError) this.socket.resume();
  }

  private onClosed(error: Error): void {
    if (this.closedError) return;
    this.closedError = error;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  private peekBytes(n: number): Buffer {
    if (this.pending[0].length < n) this.pending = [Buffer.concat(this.pending)];
    return this.pending[0].subarray(0, n);
  }

  private takeBytes(n: number): Buffer {
    if (this.pending[0].length < n) this.pending = [Buffer.concat(this.pending)];
    const first = this.pending[0];
    const taken = first.subarray(0, n);
    if (first.length === n) this.pending.shift();
    else this.pending[0] = first.subarray(n);
    this.pendingBytes -= n;
    return taken;
  }
}
