/**
 * HDFS's namespace limits (dfs.namenode.fs-limits.*), checked on every request that adds a name,
 * before anything changes: the length of one path component in UTF-8 bytes, the number of
 * entries in one directory, and the depth of a path; and no new name may hold a NUL byte. Edits already in the log or the fsimage are
 * replayed without them, so a namespace written before a limit was lowered still loads.
 */
import { DfsError } from '../errors.js';
import type { DirectoryNode, Namespace } from './namespace.js';

export interface FsLimits {
  /** dfs.namenode.fs-limits.max-component-length (255). */
  readonly maxComponentLength: number;
  /** dfs.namenode.fs-limits.max-directory-items (1048576). */
  readonly maxDirectoryItems: number;
  /** HDFS's MAX_PATH_DEPTH (1000). */
  readonly maxPathDepth: number;
}

export const DEFAULT_FS_LIMITS: FsLimits = { maxComponentLength: 255, maxDirectoryItems: 1_048_576, maxPathDepth: 1_000 };

/** Throws unless the normalized `path` may be created under `limits` (as a directory or a file). */
export function checkNewPath(namespace: Namespace, path: string, limits: FsLimits): void {
  if (path.includes('\0')) throw new DfsError('INVALID_ARGUMENT', `path ${JSON.stringify(shorten(path))} must not contain a NUL byte`);
  const names = path.split('/').filter((name) => name.length > 0);
  if (names.length > limits.maxPathDepth) {
    throw new DfsError('INVALID_ARGUMENT', `${shorten(path)} has ${names.length} components, more than the path depth limit of ${limits.maxPathDepth}`);
  }
  for (let i = 0; i < names.length; i++) {
    const length = Buffer.byteLength(names[i]);
    if (length > limits.maxComponentLength) {
      const parent = `/${names.slice(0, i).join('/')}`;
      throw new DfsError(
        'INVALID_ARGUMENT',
        `The maximum path component name limit of ${shorten(names[i])} in directory ${shorten(parent)} is exceeded: limit=${limits.maxComponentLength} length=${length}`,
      );
    }
  }
  checkDirectoryItems(namespace, names, limits.maxDirectoryItems);
}

/** The one existing directory that would get a new entry (where the path leaves the tree) must have room. */
function checkDirectoryItems(namespace: Namespace, names: string[], limit: number): void {
  let directory: DirectoryNode = namespace.root;
  for (let i = 0; i < names.length; i++) {
    const child = directory.children.get(names[i]);
    if (!child) {
      if (directory.children.size >= limit) {
        const path = `/${names.slice(0, i).join('/')}`;
        throw new DfsError('INVALID_ARGUMENT', `The directory item limit of ${shorten(path)} is exceeded: limit=${limit} items=${directory.children.size}`);
      }
      return;
    }
    if (child.kind !== 'directory') return;
    directory = child;
  }
}

/** Long paths and names are cut in messages, which stay one readable line. */
function shorten(text: string): string {
  return text.length <= 120 ? text : `${text.slice(0, 60)}...${text.slice(-40)} (${text.length} characters)`;
}
