/**
 * The edit log: one JSON line per namespace mutation, `{"txid":N,"edit":{...}}`, appended and
 * fsynced before the client is answered, so every acknowledged change survives a SIGKILL.
 * A checkpoint (fsimage.ts) records the last txid it contains; replay skips older lines, which
 * makes "write image, then truncate log" safe to interrupt at any point. A torn last line (the
 * process died mid-append, before acknowledging) is ignored.
 */
import { closeSync, fsyncSync, openSync, readFileSync, writeSync, ftruncateSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { count, object } from '@flint/net';
import { edit, type Edit } from './edits.js';

const logLine = object({ txid: count, edit });

export interface LoggedEdit {
  txid: number;
  edit: Edit;
}

export class EditLog {
  private readonly fd: number;
  private lastTxid: number;
  private sinceCheckpoint = 0;

  private constructor(path: string, lastTxid: number) {
    this.fd = openSync(path, 'a');
    this.lastTxid = lastTxid;
  }

  /** Opens the log in `dir`, returning the edits after `afterTxid` that must be replayed. */
  static open(dir: string, afterTxid: number): { log: EditLog; replay: LoggedEdit[] } {
    const path = join(dir, 'edits.log');
    const replay = existsSync(path) ? readEdits(readFileSync(path, 'utf8')).filter((e) => e.txid > afterTxid) : [];
    const lastTxid = replay.reduce((max, e) => Math.max(max, e.txid), afterTxid);
    const log = new EditLog(path, lastTxid);
    log.sinceCheckpoint = replay.length;
    return { log, replay };
  }

  get lastWrittenTxid(): number {
    return this.lastTxid;
  }

  get editsSinceCheckpoint(): number {
    return this.sinceCheckpoint;
  }

  append(change: Edit): number {
    const txid = ++this.lastTxid;
    writeSync(this.fd, `${JSON.stringify({ txid, edit: change })}\n`);
    fsyncSync(this.fd);
    this.sinceCheckpoint++;
    return txid;
  }

  /** Drops every line: called once a checkpoint holding all of them is safely on disk. */
  truncate(): void {
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
    this.sinceCheckpoint = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function readEdits(text: string): LoggedEdit[] {
  const lines = text.split('\n');
  const edits: LoggedEdit[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `edits.log line ${i + 1}`;
    try {
      edits.push(logLine.parse(JSON.parse(line), where));
    } catch (error) {
      const isLastLine = lines.slice(i + 1).every((rest) => rest.trim() === '');
      if (!isLastLine) throw new Error(`${where} is damaged: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return edits;
}
