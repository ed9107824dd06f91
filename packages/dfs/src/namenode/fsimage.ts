/**
 * Checkpoints of the namespace (HDFS's fsimage): the whole tree as a JSON document with the
 * txid of the last edit it includes. Written to a temporary file, fsynced, then renamed over
 * the previous image, so there is always one complete image on disk.
 *
 * Each entry names its parent by position (parents come first) and holds only its own name, so
 * the image grows with the number of entries, not with their depth, and is written and read
 * without recursion. Images of the first format (`flint-fsimage-1`, one full path per entry)
 * still load.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DfsError } from '../errors.js';
import { array, count, literal, message, object, string, union, unknownValue, type Infer } from '@flint/net';
import { addFileEdit, applyEdit, mkdirsEdit } from './edits.js';
import { Namespace, type DirectoryNode, type INode } from './namespace.js';

/** `parent`: 0 for the root, else 1 + the index of the parent directory's entry. */
const directoryEntry = message('directory', { parent: count, name: string, time: count });
const fileEntry = message('file', {
  parent: count,
  name: string,
  replication: count,
  blockSize: count,
  blocks: array(object({ blockId: string, length: count })),
  time: count,
});
const imageV2 = object({ version: literal('flint-fsimage-2'), lastTxid: count, entries: array(union(directoryEntry, fileEntry)) });
const imageV1 = object({ version: literal('flint-fsimage-1'), lastTxid: count, entries: array(union(mkdirsEdit, addFileEdit)) });
type Entry = Infer<typeof imageV2>['entries'][number];

export function saveImage(dir: string, namespace: Namespace, lastTxid: number): void {
  const document: Infer<typeof imageV2> = { version: 'flint-fsimage-2', lastTxid, entries: imageEntries(namespace.root) };
  const tmp = join(dir, 'fsimage.tmp');
  const fd = openSync(tmp, 'w');
  writeSync(fd, JSON.stringify(document));
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, join(dir, 'fsimage.json'));
}

/** Every node under the root, parents before their children, children by name. */
function imageEntries(root: DirectoryNode): Entry[] {
  const entries: Entry[] = [];
  const pending: { parent: number; directory: DirectoryNode }[] = [{ parent: 0, directory: root }];
  while (pending.length > 0) {
    const { parent, directory } = pending.pop()!;
    for (const [name, node] of [...directory.children].sort(([a], [b]) => (a < b ? -1 : 1))) {
      entries.push(entryOf(parent, name, node));
      if (node.kind === 'directory') pending.push({ parent: entries.length, directory: node });
    }
  }
  return entries;
}

function entryOf(parent: number, name: string, node: INode): Entry {
  if (node.kind === 'directory') return { type: 'directory', parent, name, time: node.modificationTime };
  return { type: 'file', parent, name, replication: node.replication, blockSize: node.blockSize, blocks: node.blocks, time: node.modificationTime };
}

export function loadImage(dir: string): { namespace: Namespace; lastTxid: number } {
  const path = join(dir, 'fsimage.json');
  if (!existsSync(path)) return { namespace: new Namespace(), lastTxid: 0 };
  const document: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (object({ version: unknownValue }).parse(document, 'fsimage.json').version === 'flint-fsimage-1') return loadImageV1(imageV1.parse(document, 'fsimage.json'));
  const image = imageV2.parse(document, 'fsimage.json');
  const namespace = new Namespace();
  /** Directories by 1 + entry index; the root is 0. */
  const directories = new Map<number, DirectoryNode>([[0, namespace.root]]);
  image.entries.forEach((entry, index) => {
    const parent = directories.get(entry.parent);
    if (!parent) throw new DfsError('INVALID_ARGUMENT', `fsimage.json: entry ${index} (${entry.name}) names a parent that is not an earlier directory`);
    const node: INode =
      entry.type === 'directory'
        ? { kind: 'directory', children: new Map(), modificationTime: entry.time }
        : { kind: 'file', replication: entry.replication, blockSize: entry.blockSize, blocks: entry.blocks.map((b) => ({ ...b })), modificationTime: entry.time };
    parent.children.set(entry.name, node);
    if (node.kind === 'directory') directories.set(index + 1, node);
  });
  return { namespace, lastTxid: image.lastTxid };
}

function loadImageV1(image: Infer<typeof imageV1>): { namespace: Namespace; lastTxid: number } {
  const namespace = new Namespace();
  for (const entry of image.entries) applyEdit(namespace, entry);
  // Adding a file touches its parent's time; restore the directories' own times afterwards.
  for (const entry of image.entries) {
    const node = entry.type === 'mkdirs' ? namespace.lookup(entry.path) : undefined;
    if (node) node.modificationTime = entry.time;
  }
  return { namespace, lastTxid: image.lastTxid };
}
