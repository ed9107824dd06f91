/**
 * The namespace: a tree of directories and files, each file an ordered list of blocks.
 * Pure in-memory state; every mutation checks all its preconditions before changing anything,
 * so an edit that throws leaves the tree as it was (and is never written to the edit log).
 */
import { DfsError } from '../errors.js';
import type { FileStatus } from '../protocol/client-namenode.js';

export interface FileBlock {
  blockId: string;
  length: number;
}

export interface FileNode {
  kind: 'file';
  replication: number;
  blockSize: number;
  blocks: FileBlock[];
  modificationTime: number;
}

export interface DirectoryNode {
  kind: 'directory';
  children: Map<string, INode>;
  modificationTime: number;
}

export type INode = FileNode | DirectoryNode;

export function fileLength(file: FileNode): number {
  return file.blocks.reduce((sum, block) => sum + block.length, 0);
}

/** Absolute, '/'-separated, no empty, '.' or '..' components; '/' is the root. */
export function normalizePath(path: string): string {
  if (!path.startsWith('/')) throw new DfsError('INVALID_ARGUMENT', `path "${path}" is not absolute`);
  const parts = path.split('/').filter((part) => part.length > 0);
  for (const part of parts) {
    if (part === '.' || part === '..') throw new DfsError('INVALID_ARGUMENT', `path "${path}" must not contain "${part}"`);
  }
  return `/${parts.join('/')}`;
}

function components(path: string): string[] {
  return normalizePath(path).split('/').filter((part) => part.length > 0);
}

function joinPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

export class Namespace {
  readonly root: DirectoryNode = { kind: 'directory', children: new Map(), modificationTime: 0 };

  lookup(path: string): INode | undefined {
    let node: INode = this.root;
    for (const name of components(path)) {
      if (node.kind !== 'directory') return undefined;
      const child: INode | undefined = node.children.get(name);
      if (!child) return undefined;
      node = child;
    }
    return node;
  }

  getFile(path: string): FileNode {
    const node = this.lookup(path);
    if (!node) throw new DfsError('NOT_FOUND', `${normalizePath(path)}: no such file or directory`);
    if (node.kind !== 'file') throw new DfsError('IS_A_DIRECTORY', `${normalizePath(path)} is a directory`);
    return node;
  }

  /** Creates the directory and any missing parents; returns whether anything was created. */
  mkdirs(path: string, time: number): boolean {
    const names = components(path);
    this.checkNoFileOnPath(names, names.length);
    let directory = this.root;
    let created = false;
    for (const name of names) {
      let child = directory.children.get(name);
      if (!child) {
        child = { kind: 'directory', children: new Map(), modificationTime: time };
        directory.children.set(name, child);
        directory.modificationTime = time;
        created = true;
      }
      directory = child as DirectoryNode;
    }
    return created;
  }

  /** Throws unless a file may be created at `path` (parents are created as needed). */
  checkCreatable(path: string, overwrite: boolean): void {
    const names = components(path);
    if (names.length === 0) throw new DfsError('IS_A_DIRECTORY', '/ is a directory');
    this.checkNoFileOnPath(names, names.length - 1);
    const existing = this.lookup(path);
    if (existing?.kind === 'directory') throw new DfsError('IS_A_DIRECTORY', `${normalizePath(path)} is a directory`);
    if (existing && !overwrite) throw new DfsError('ALREADY_EXISTS', `${normalizePath(path)} already exists (use --overwrite to replace it)`);
  }

  /** Adds a complete file, creating parent directories; returns the file it replaced, if any. */
  addFile(path: string, file: FileNode, overwrite: boolean): FileNode | undefined {
    this.checkCreatable(path, overwrite);
    const names = components(path);
    const parentPath = `/${names.slice(0, -1).join('/')}`;
    this.mkdirs(parentPath, file.modificationTime);
    const parent = this.lookup(parentPath) as DirectoryNode;
    const name = names[names.length - 1];
    const replaced = parent.children.get(name) as FileNode | undefined;
    parent.children.set(name, file);
    parent.modificationTime = file.modificationTime;
    return replaced;
  }

  /** Removes a file or directory; returns every file removed. */
  delete(path: string, recursive: boolean, time: number): FileNode[] {
    const names = components(path);
    if (names.length === 0) throw new DfsError('INVALID_ARGUMENT', 'refusing to delete the root directory');
    const node = this.lookup(path);
    if (!node) throw new DfsError('NOT_FOUND', `${normalizePath(path)}: no such file or directory`);
    if (node.kind === 'directory' && node.children.size > 0 && !recursive) {
      throw new DfsError('NOT_EMPTY', `${normalizePath(path)} is a non-empty directory (use -r to delete it)`);
    }
    const parent = this.lookup(`/${names.slice(0, -1).join('/')}`) as DirectoryNode;
    parent.children.delete(names[names.length - 1]);
    parent.modificationTime = time;
    return node.kind === 'file' ? [node] : [...this.files(node)];
  }

  status(path: string, node: INode): FileStatus {
    return node.kind === 'file'
      ? { path, kind: 'file', length: fileLength(node), replication: node.replication, blockSize: node.blockSize, modificationTime: node.modificationTime }
      : { path, kind: 'directory', length: 0, replication: 0, blockSize: 0, modificationTime: node.modificationTime };
  }

  /** A directory's children, or a file itself, as `ls` shows them. */
  list(path: string): FileStatus[] {
    const normalized = normalizePath(path);
    const node = this.lookup(normalized);
    if (!node) throw new DfsError('NOT_FOUND', `${normalized}: no such file or directory`);
    if (node.kind === 'file') return [this.status(normalized, node)];
    return [...node.children]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, child]) => this.status(joinPath(normalized, name), child));
  }

  /**
   * Every node under (and including) `path`, depth first, parents before children, children by
   * name. Iterative: a tree of any depth is walked without growing the call stack.
   */
  *walk(path: string, node: INode | undefined = this.lookup(path)): Generator<[string, INode]> {
    if (!node) return;
    const pending: [string, INode][] = [[path, node]];
    while (pending.length > 0) {
      const [nodePath, current] = pending.pop()!;
      yield [nodePath, current];
      if (current.kind !== 'directory') continue;
      const children = [...current.children].sort(([a], [b]) => (a < b ? 1 : -1));
      for (const [name, child] of children) pending.push([joinPath(nodePath, name), child]);
    }
  }

  /** Every file under `directory`, in no particular order, without building paths (which deep trees make long). */
  *files(directory: DirectoryNode = this.root): Generator<FileNode> {
    const pending: DirectoryNode[] = [directory];
    while (pending.length > 0) {
      for (const child of pending.pop()!.children.values()) {
        if (child.kind === 'file') yield child;
        else pending.push(child);
      }
    }
  }

  private checkNoFileOnPath(names: string[], depth: number): void {
    let node: INode = this.root;
    for (let i = 0; i < depth; i++) {
      const child: INode | undefined = (node as DirectoryNode).children.get(names[i]);
      if (!child) return;
      if (child.kind === 'file') throw new DfsError('NOT_A_DIRECTORY', `/${names.slice(0, i + 1).join('/')} is a file, not a directory`);
      node = child;
    }
  }
}
