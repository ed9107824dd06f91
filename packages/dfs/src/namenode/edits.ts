/**
 * The namespace mutations that are journaled, and the one function that applies them, used both
 * live (before the edit is logged) and when replaying the log after a restart, so both paths
 * share one set of semantics. Block allocation for files still being written is not journaled:
 * a file exists for a restarted namenode once its writer completed it (HDFS keeps more, for
 * lease recovery; Flint simply forgets unfinished writes and deletes their orphan blocks).
 */
import { array, boolean, count, message, object, string, union, type Infer } from '@flint/net';
import type { FileNode, Namespace } from './namespace.js';

export const mkdirsEdit = message('mkdirs', { path: string, time: count });
export const addFileEdit = message('addFile', {
  path: string,
  replication: count,
  blockSize: count,
  blocks: array(object({ blockId: string, length: count })),
  time: count,
  overwrite: boolean,
});
const deleteEdit = message('delete', { path: string, recursive: boolean, time: count });
const setReplicationEdit = message('setReplication', { path: string, replication: count });

export const edit = union(mkdirsEdit, addFileEdit, deleteEdit, setReplicationEdit);
export type Edit = Infer<typeof edit>;

export interface EditEffects {
  /** Files that left the namespace (deleted or overwritten): their blocks should go. */
  removedFiles: FileNode[];
  /** The file an addFile created. */
  addedFile?: FileNode;
}

export function applyEdit(namespace: Namespace, change: Edit): EditEffects {
  switch (change.type) {
    case 'mkdirs':
      namespace.mkdirs(change.path, change.time);
      return { removedFiles: [] };
    case 'addFile': {
      const file: FileNode = {
        kind: 'file',
        replication: change.replication,
        blockSize: change.blockSize,
        blocks: change.blocks.map((block) => ({ ...block })),
        modificationTime: change.time,
      };
      const replaced = namespace.addFile(change.path, file, change.overwrite);
      return { removedFiles: replaced ? [replaced] : [], addedFile: file };
    }
    case 'delete':
      return { removedFiles: namespace.delete(change.path, change.recursive, change.time) };
    case 'setReplication':
      namespace.getFile(change.path).replication = change.replication;
      return { removedFiles: [] };
  }
}
