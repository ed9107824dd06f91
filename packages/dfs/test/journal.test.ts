import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EditLog } from '../src/namenode/edit-log.js';
import { applyEdit, type Edit } from '../src/namenode/edits.js';
import { loadImage, saveImage } from '../src/namenode/fsimage.js';
import type { Namespace } from '../src/namenode/namespace.js';

const edits: Edit[] = [
  { type: 'mkdirs', path: '/empty', time: 1 },
  { type: 'addFile', path: '/d/a', replication: 2, blockSize: 8, blocks: [{ blockId: 'blk_1', length: 8 }, { blockId: 'blk_2', length: 3 }], time: 2, overwrite: false },
  { type: 'addFile', path: '/d/b', replication: 1, blockSize: 8, blocks: [], time: 3, overwrite: false },
  { type: 'setReplication', path: '/d/a', replication: 3 },
  { type: 'delete', path: '/d/b', recursive: false, time: 4 },
];

function snapshot(namespace: Namespace): unknown[] {
  return [...namespace.walk('/')].map(([path, node]) => (node.kind === 'file' ? [path, node.replication, node.blocks] : [path]));
}

describe('edit log and checkpoints', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flint-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function replayAll(): Namespace {
    const { namespace, lastTxid } = loadImage(dir);
    const { log, replay } = EditLog.open(dir, lastTxid);
    log.close();
    for (const logged of replay) applyEdit(namespace, logged.edit);
    return namespace;
  }

  it('replays logged edits into the same namespace', () => {
    const { namespace: live } = loadImage(dir);
    const { log } = EditLog.open(dir, 0);
    for (const edit of edits) {
      applyEdit(live, edit);
      log.append(edit);
    }
    log.close();
    expect(snapshot(replayAll())).toEqual(snapshot(live));
    expect(snapshot(live)).toEqual([['/'], ['/d'], ['/d/a', 3, edits[1].type === 'addFile' ? edits[1].blocks : []], ['/empty']]);
  });

  it('ignores a torn last line but refuses a damaged line in the middle', () => {
    const { log } = EditLog.open(dir, 0);
    log.append(edits[0]);
    log.close();
    appendFileSync(join(dir, 'edits.log'), '{"txid":2,"edit":{"type":"mkd');
    expect(snapshot(replayAll())).toEqual([['/'], ['/empty']]);
    appendFileSync(join(dir, 'edits.log'), '\n{"txid":3,"edit":{"type":"mkdirs","path":"/x","time":1}}\n');
    expect(() => replayAll()).toThrow(/edits.log line 2/);
  });

  it('replays only the edits newer than the checkpoint', () => {
    const { namespace } = loadImage(dir);
    const { log } = EditLog.open(dir, 0);
    for (const edit of edits.slice(0, 3)) {
      applyEdit(namespace, edit);
      log.append(edit);
    }
    saveImage(dir, namespace, log.lastWrittenTxid);
    // A crash between writing the image and truncating the log must not apply edits twice.
    for (const edit of edits.slice(3)) {
      applyEdit(namespace, edit);
      log.append(edit);
    }
    log.close();
    expect(snapshot(replayAll())).toEqual(snapshot(namespace));
    expect(JSON.parse(readFileSync(join(dir, 'fsimage.json'), 'utf8')).lastTxid).toBe(3);
  });

  it('rejects an image that is not one', () => {
    writeFileSync(join(dir, 'fsimage.json'), JSON.stringify({ version: 'something else' }));
    expect(() => loadImage(dir)).toThrow(/fsimage.json.version/);
  });
});
