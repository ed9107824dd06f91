/**
 * The one framing of Flint's connections: `[u32 length][u8 kind][payload]`, where length counts
 * the kind byte and the payload. Kind 0 is a msgpack control message, kind 1 raw bulk bytes
 * (block data, never re-encoded), kind 2 a keepalive with no payload (a dialing side sends one
 * now and then, so that the server's idle timeout closes only peers that went silent). The length is checked against the limit before a byte of the
 * frame is kept beyond what already arrived, so a 4 GiB claim allocates nothing.
 */
import { ProtocolError } from './errors.js';

export const FRAME_HEADER_BYTES = 5;
export const KIND_MESSAGE = 0;
export const KIND_DATA = 1;
export const KIND_KEEPALIVE = 2;

export interface RawFrame {
  kind: typeof KIND_MESSAGE | typeof KIND_DATA | typeof KIND_KEEPALIVE;
  payload: Buffer;
}

export function frameHeader(kind: number, payloadBytes: number): Buffer {
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  header.writeUInt32BE(payloadBytes + 1, 0);
  header.writeUInt8(kind, 4);
  return header;
}

export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(public maxFrameBytes: number) {}

  /** Whether part of a frame has arrived and the rest has not. */
  get midFrame(): boolean {
    return this.buffered > 0;
  }

  /** Takes the next bytes; returns the frames they complete, or throws a ProtocolError. */
  push(chunk: Buffer): RawFrame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: RawFrame[] = [];
    while (this.buffered >= FRAME_HEADER_BYTES) {
      const header = this.peek(FRAME_HEADER_BYTES);
      const length = header.readUInt32BE(0);
      const kind = header[4];
      if (length < 1 || length > this.maxFrameBytes + 1) {
        throw new ProtocolError(`a frame of ${length} bytes exceeds the limit of ${this.maxFrameBytes}`);
      }
      if (kind !== KIND_MESSAGE && kind !== KIND_DATA && kind !== KIND_KEEPALIVE) throw new ProtocolError(`unknown frame kind ${kind}`);
      if (kind === KIND_KEEPALIVE && length !== 1) throw new ProtocolError('a keepalive frame carries no payload');
      if (this.buffered < 4 + length) break;
      const frame = this.take(4 + length);
      frames.push({ kind, payload: frame.subarray(FRAME_HEADER_BYTES) });
    }
    return frames;
  }

  /** The first n buffered bytes, copying only when they span chunks (n is small here). */
  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0];
    const head = Buffer.allocUnsafe(n);
    let filled = 0;
    for (const chunk of this.chunks) {
      filled += chunk.copy(head, filled, 0, Math.min(chunk.length, n - filled));
      if (filled === n) break;
    }
    return head;
  }

  /** Removes and returns the first n buffered bytes, copying each byte at most once. */
  private take(n: number): Buffer {
    const first = this.chunks[0];
    let taken: Buffer;
    if (first.length >= n) {
      taken = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      taken = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const chunk = this.chunks[0];
        const part = Math.min(chunk.length, n - filled);
        chunk.copy(taken, filled, 0, part);
        filled += part;
        if (part === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(part);
      }
    }
    this.buffered -= n;
    return taken;
  }
}
