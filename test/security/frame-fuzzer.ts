/**
 * A seeded generator of hostile frames for the fuzz test: random bytes, truncated frames, lying
 * length prefixes, unknown kinds, undecodable msgpack, and well-formed msgpack of the wrong shape
 * for each protocol (every generated message has at least one field of the wrong type or an
 * unknown type, so none of them is a valid request that could change state).
 */
import { encodeMessage, frameHeader } from '@flint/net';

export class SeededRandom {
  constructor(private state: number) {}

  next(): number {
    // xorshift32
    this.state ^= this.state << 13;
    this.state ^= this.state >>> 17;
    this.state ^= this.state << 5;
    return (this.state >>> 0) / 2 ** 32;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(256)));
  }
}

/** Values of every msgpack type, for fields that expect another. */
function confusedValue(random: SeededRandom, depth = 0): unknown {
  const choices: (() => unknown)[] = [
    () => null,
    () => random.next() < 0.5,
    () => -random.int(2 ** 31),
    () => 2 ** 53 + random.int(1000),
    () => random.next() * 1e300,
    () => Number.NaN,
    () => '',
    () => 'x'.repeat(random.int(5000)),
    () => '../'.repeat(random.int(20)) + 'etc/passwd\0',
    () => random.bytes(random.int(64)),
    () => (depth < 3 ? Array.from({ length: random.int(4) }, () => confusedValue(random, depth + 1)) : []),
    () => (depth < 3 ? { type: confusedValue(random, depth + 1), nested: confusedValue(random, depth + 1) } : {}),
  ];
  return random.pick(choices)();
}

/** A value that is certainly of another type than `original` (so the field fails validation). */
function wrongFor(random: SeededRandom, original: unknown): unknown {
  if (typeof original === 'string') return random.pick([null, 7, -1, [], {}, Buffer.from('s'), true]);
  if (typeof original === 'number') return random.pick(['7', null, -1.5, Number.NaN, 2 ** 53 + 2, [], {}, false]);
  if (typeof original === 'boolean') return random.pick(['true', 0, null, [], {}]);
  return random.pick([7, 'x'.repeat(random.int(3000)), null, true, -3]);
}

/** A message of a real type with one field given a value of the wrong type, or an unknown type. */
function typeConfused(random: SeededRandom, shapes: Record<string, Record<string, unknown>>): object {
  const type = random.pick(Object.keys(shapes));
  const message: Record<string, unknown> = { type, ...shapes[type] };
  const fields = Object.keys(shapes[type]);
  if (fields.length === 0 || random.next() < 0.1) return { ...message, type: random.pick([`no-such-${random.int(1000)}`, confusedValue(random)]) };
  const victim = random.pick(fields);
  message[victim] = wrongFor(random, message[victim]);
  return message;
}

export type Protocol = 'namenode' | 'datanode' | 'executor';

/** Valid-looking messages of each protocol; the fuzzer breaks one field of each. */
const SHAPES: Record<Protocol, Record<string, Record<string, unknown>>> = {
  namenode: {
    mkdirs: { path: '/fuzz' },
    delete: { path: '/kept', recursive: true },
    create: { path: '/fuzz', replication: 1, blockSize: 1024, overwrite: true },
    registerDatanode: { nodeId: 'fake', host: '127.0.0.1', dataPort: 1, services: {}, capacityBytes: 1, usedBytes: 0, blockCount: 0, activeTransfers: 0 },
    blockReport: { nodeId: 'fake', blocks: [] },
    reportCorruptReplica: { blockId: 'b', nodeId: 'n' },
  },
  datanode: {
    readBlock: { blockId: 'b', offset: 0, length: 10 },
    writeBlock: { blockId: 'b', downstream: [] },
  },
  executor: {
    runTask: { request: { appId: 'a', taskId: 1 } },
    putBlock: { requestId: 1, key: 'app_rdd_1_0', storageLevel: 'DISK_ONLY', block: { lz4: false, bytes: Buffer.from('x') } },
    fetchBlock: { requestId: 1, key: 'app_rdd_1_0' },
    killTask: { taskId: 1 },
    forgetShuffle: { appId: 'a', shuffleId: 1 },
  },
};

function wrapped(protocol: Protocol, message: object, random: SeededRandom): object {
  // The namenode's requests travel in an envelope; break the envelope itself now and then.
  if (protocol !== 'namenode') return message;
  if (random.next() < 0.2) return { type: 'request', id: confusedValue(random), body: message };
  return { type: 'request', id: random.int(1000), body: message };
}

/** One hostile input for `protocol`: bytes to write on a connection (authenticated or not). */
export function hostileFrame(random: SeededRandom, protocol: Protocol): Buffer {
  switch (random.int(7)) {
    case 0:
      return random.bytes(1 + random.int(300));
    case 1: {
      const payload = encodeMessage(wrapped(protocol, typeConfused(random, SHAPES[protocol]), random));
      return Buffer.concat([frameHeader(0, payload.length), payload]);
    }
    case 2: {
      const payload = encodeMessage(wrapped(protocol, typeConfused(random, SHAPES[protocol]), random));
      const frame = Buffer.concat([frameHeader(0, payload.length), payload]);
      return frame.subarray(0, 1 + random.int(frame.length - 1));
    }
    case 3: {
      const header = Buffer.alloc(5);
      header.writeUInt32BE(random.pick([0, 2 ** 32 - 1, 2 ** 31, 2 ** 28 + 1, 1 + random.int(2 ** 32 - 1)]) >>> 0);
      header[4] = random.int(3);
      return Buffer.concat([header, random.bytes(random.int(32))]);
    }
    case 4:
      return Buffer.concat([frameHeader(2 + random.int(254), 4), random.bytes(4)]);
    case 5: {
      const payload = Buffer.from([random.pick([0xc1, 0xd9, 0xdb, 0xc6, 0xdf]), ...random.bytes(8)]);
      return Buffer.concat([frameHeader(0, payload.length), payload]);
    }
    default: {
      const payload = encodeMessage(confusedValue(random) as object ?? {});
      return Buffer.concat([frameHeader(random.int(2), payload.length), payload]);
    }
  }
}
