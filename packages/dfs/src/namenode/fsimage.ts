/**
 * Checkpoints of the namespace (HDFS's fsimage): the whole tree as a JSON document with the
 * txid of the last edit it includes. Written to a temporary file, fsynced, then renamed over
 * the previous image, so there is always one complete image on disk.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { array, count, literal, object, union, type Infer } from '@flint/net';
import { addFileEdit, applyEdit, mkdirsEdit } from './edits.js';
import { Namespace } from './namespace.js';

const image = object({ version: literal('flint-fsimage-1'), lastTxid: count, entries: array(union(mkdirsEdit, addFileEdit)) });
type Image = Infer<typeof image>;

export function saveImage(dir: string, namespace: Namespace, lastTxid: number): void {
  const entries: Image['entries'] = [];
  for (const [path, node] of namespace.walk('/')) {
    if (node.kind === 'directory') {
      if (path !== '/') entries.push({ type: 'mkdirs', path, time: node.modificationTime });
    } else {
      entries.push({
        type: 'addFile',
        path,
        replication: node.replication,
        blockSize: node.blockSize,
        blocks: node.blocks,
        time: node.modificationTime,
        overwrite: false,
      });
    }
  }
  const document: Image = { version: 'flint-fsimage-1', lastTxid, entries };
  const tmp = join(dir, 'fsimage.tmp');
  const fd = openSync(tmp, 'w');
  writeSync(fd, JSON.stringify(document));
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, join(dir, 'fsimage.json'));
}

export function loadImage(dir: string): { namespace: Namespace; lastTxid: number } {
  const namespace = new Namespace();
  const path = join(dir, 'fsimage.json');
  if (!existsSync(path)) return { namespace, lastTxid: 0 };
  const loaded = image.parse(JSON.parse(readFileSync(path, 'utf8')), 'fsimage.json');
  for (const entry of loaded.entries) applyEdit(namespace, entry);
  // Adding a file touches its parent's time; restore the directories' own times afterwards.
  for (const entry of loaded.entries) {
    const node = entry.type === 'mkdirs' ? namespace.lookup(entry.path) : undefined;
    if (node) node.modificationTime = entry.time;
  }
  return { namespace, lastTxid: loaded.lastTxid };
}
