/**
 * A task's spill store: files in a directory of the executor's local dir, one directory per task
 * attempt, removed when the task ends (also when it fails). A file is a sequence of frames — a
 * 4-byte length, then a batch of records in Flint's binary encoding — so a run is read back one
 * frame at a time rather than whole. Counts what was spilled for the task's metrics.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decode, encode, type SpillFile, type SpillStore } from '@flint/rdd';

const RECORDS_PER_FRAME = 1024;
const LENGTH_BYTES = 4;

export interface SpillMetrics {
  /** Estimated in-memory size of what was spilled (Spark's memoryBytesSpilled). */
  memoryBytesSpilled: number;
  /** Bytes written to spill files (Spark's diskBytesSpilled). */
  diskBytesSpilled: number;
  spillFiles: number;
}

export class TaskSpillStore implements SpillStore {
  readonly metrics: SpillMetrics = { memoryBytesSpilled: 0, diskBytesSpilled: 0, spillFiles: 0 };
  private created = false;

  constructor(private readonly directory: string) {}

  write(records: Iterable<unknown>, memoryBytes: number): SpillFile {
    if (!this.created) mkdirSync(this.directory, { recursive: true });
    this.created = true;
    const path = join(this.directory, `spill-${this.metrics.spillFiles++}`);
    const fd = openSync(path, 'w');
    try {
      let batch: unknown[] = [];
      const flush = () => {
        const payload = encode(batch);
        const header = Buffer.alloc(LENGTH_BYTES);
        header.writeUInt32LE(payload.length);
        writeSync(fd, header);
        writeSync(fd, payload);
        this.metrics.diskBytesSpilled += LENGTH_BYTES + payload.length;
        batch = [];
      };
      for (const record of records) {
        batch.push(record);
        if (batch.length === RECORDS_PER_FRAME) flush();
      }
      if (batch.length > 0) flush();
    } finally {
      closeSync(fd);
    }
    this.metrics.memoryBytesSpilled += memoryBytes;
    return { read: () => readFrames(path), delete: () => rmSync(path, { force: true }) };
  }

  /** Removes every file the task spilled. */
  removeAll(): void {
    if (this.created) rmSync(this.directory, { recursive: true, force: true });
  }
}

function* readFrames(path: string): Generator<unknown> {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(LENGTH_BYTES);
    let position = 0;
    while (readSync(fd, header, 0, LENGTH_BYTES, position) === LENGTH_BYTES) {
      const payload = Buffer.alloc(header.readUInt32LE());
      readSync(fd, payload, 0, payload.length, position + LENGTH_BYTES);
      position += LENGTH_BYTES + payload.length;
      yield* decode<unknown[]>(payload);
    }
  } finally {
    closeSync(fd);
  }
}
