import { describe, expect, it } from 'vitest';
import { FrameDecoder, ProtocolError, encodeMessage, frameHeader } from '@flint/net';

function frame(kind: number, payload: Uint8Array): Buffer {
  return Buffer.concat([frameHeader(kind, payload.length), payload]);
}

describe('the frame decoder', () => {
  it('reassembles frames split at every byte and frames packed into one chunk', () => {
    const payloads = [encodeMessage({ type: 'a', n: 1 }), Buffer.from('bulk bytes'), encodeMessage({ type: 'b', s: 'x'.repeat(300) })];
    const wire = Buffer.concat([frame(0, payloads[0]), frame(1, payloads[1]), frame(0, payloads[2])]);
    const byteByByte = new FrameDecoder(1024);
    const got = [...wire].flatMap((byte) => byteByByte.push(Buffer.from([byte])));
    expect(got.map((f) => Buffer.from(f.payload))).toEqual(payloads.map((p) => Buffer.from(p)));
    expect(got.map((f) => f.kind)).toEqual([0, 1, 0]);
    expect(byteByByte.midFrame).toBe(false);
    expect(new FrameDecoder(1024).push(wire).map((f) => Buffer.from(f.payload))).toEqual(payloads.map((p) => Buffer.from(p)));
  });

  it('refuses a length over the limit from the header alone: a 4 GiB claim is not buffered', () => {
    const decoder = new FrameDecoder(1024);
    const header = Buffer.from([0xff, 0xff, 0xff, 0xff, 0]);
    expect(() => decoder.push(header)).toThrow(ProtocolError);
    expect(() => new FrameDecoder(1024).push(frameHeader(0, 1025))).toThrow(/exceeds the limit of 1024/);
    expect(new FrameDecoder(1024).push(frameHeader(0, 1024))).toEqual([]);
  });

  it('reads a keepalive frame (kind 2, no payload) and refuses one that carries bytes', () => {
    expect(new FrameDecoder(1024).push(frameHeader(2, 0))).toEqual([{ kind: 2, payload: Buffer.alloc(0) }]);
    expect(() => new FrameDecoder(1024).push(frame(2, Buffer.from('x')))).toThrow('a keepalive frame carries no payload');
  });

  it('refuses an empty frame and an unknown kind', () => {
    expect(() => new FrameDecoder(1024).push(Buffer.from([0, 0, 0, 0, 0]))).toThrow(ProtocolError);
    expect(() => new FrameDecoder(1024).push(frame(7, Buffer.from('x')))).toThrow(/unknown frame kind 7/);
  });
});
