/**
 * The files added with fc.addFile and the archives added with fc.addArchive (Spark's
 * SparkContext.addFile and addArchive). Each is read once on the driver (a dfs:// one is fetched
 * from DFS first), copied into the driver's own SparkFiles directory (an archive unpacked there
 * into a directory of its name), and sent to every executor with the first task it runs after it
 * was added: a directory added with `recursive` travels as its files, an archive as its bytes,
 * which the executor unpacks. Adding the same path again does nothing; another path with the same
 * name is an error, as in Spark.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { archiveFormatOf, unpackArchive, type AddedFile, type ExecutorId } from '@flint/worker';
import { withOwnNamenode } from './dfs-paths.js';
import { fetchFromDfs } from './dfs-fetch.js';

type AddedKind = 'file' | 'archive';

export class ShippedFiles {
  /** By name (its place under the SparkFiles directory): where it came from and what is sent. */
  private readonly added = new Map<string, { readonly uri: string; readonly kind: AddedKind; readonly files: readonly AddedFile[] }>();
  /** Per executor, the names it has been sent. */
  private readonly sent = new Map<ExecutorId, Set<string>>();
  /** The driver's SparkFiles directory: created with the first added file, removed on stop. */
  readonly rootDirectory: string;

  constructor(
    appId: string,
    /** The context's namenode, for `dfs:///path` (undefined in local mode). */
    private readonly namenode: string | undefined,
    private readonly warn: (line: string) => void,
  ) {
    this.rootDirectory = join(tmpdir(), `flint-files-${appId}`);
  }

  addFile(path: string, recursive: boolean): void {
    const uri = sourceUri(path, this.namenode, 'addFile');
    const name = basename(uri);
    if (this.alreadyAdded(name, uri)) return;
    this.withLocalCopy(uri, recursive, (local) => {
      const stats = statSync(local, { throwIfNoEntry: false });
      if (!stats) throw new Error(`File ${uri} does not exist`);
      if (stats.isDirectory() && !recursive) throw new Error(`Added file ${uri} is a directory and recursive is not turned on.`);
      const files = stats.isDirectory() ? filesUnder(local).map((file) => ({ name: join(name, relative(local, file)), bytes: readFileSync(file) })) : [{ name, bytes: readFileSync(local) }];
      for (const file of files) {
        const target = join(this.rootDirectory, file.name);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.bytes);
      }
      if (stats.isDirectory()) mkdirSync(join(this.rootDirectory, name), { recursive: true });
      this.added.set(name, { uri, kind: 'file', files });
    });
  }

  /**
   * An archive to unpack on the driver and every executor into `SparkFiles.get(name)`, the name
   * being the file's, or the URI's fragment (`deps.zip#env` unpacks into `env`). A file whose
   * name is no archive format is copied as it is, with Spark's warning.
   */
  addArchive(path: string): void {
    const [location, fragment] = splitFragment(path);
    const source = sourceUri(location, this.namenode, 'addArchive');
    const uri = fragment === undefined ? source : `${source}#${fragment}`;
    const name = fragment ?? basename(source);
    if (this.alreadyAdded(name, uri)) return;
    this.withLocalCopy(source, false, (local) => {
      const stats = statSync(local, { throwIfNoEntry: false });
      if (!stats) throw new Error(`File ${source} does not exist`);
      if (!stats.isFile()) throw new Error(`Added archive ${source} is not a file: give a .zip, .jar, .tar, .tar.gz or .tgz file`);
      const bytes = readFileSync(local);
      const target = join(this.rootDirectory, name);
      const archive = archiveFormatOf(basename(source));
      if (archive) {
        unpackArchive(bytes, archive, target, source);
      } else {
        this.warn(`Cannot unpack ${source}, just copying it to ${target}.`);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, bytes);
      }
      this.added.set(name, { uri, kind: 'archive', files: [{ name, bytes, ...(archive && { archive }) }] });
    });
  }

  /** The added files' URIs (PySpark's `sc.listFiles`), or the archives' (`sc.listArchives`). */
  list(kind: AddedKind): string[] {
    return [...this.added.values()].filter((entry) => entry.kind === kind).map((entry) => entry.uri);
  }

  /** The added files `executor` has not been sent yet; from now on it counts as having them. */
  forExecutor(executor: ExecutorId): AddedFile[] | undefined {
    if (this.added.size === 0) return undefined;
    let sent = this.sent.get(executor);
    if (!sent) this.sent.set(executor, (sent = new Set()));
    const missing: AddedFile[] = [];
    for (const [name, entry] of this.added) {
      if (sent.has(name)) continue;
      sent.add(name);
      missing.push(...entry.files);
    }
    return missing.length > 0 ? missing : undefined;
  }

  /** A lost executor's copies are gone; one that comes back under the same id gets the files again. */
  executorRemoved(executor: ExecutorId): void {
    this.sent.delete(executor);
  }

  removeDirectory(): void {
    rmSync(this.rootDirectory, { recursive: true, force: true });
  }

  private alreadyAdded(name: string, uri: string): boolean {
    const existing = this.added.get(name);
    if (existing && existing.uri !== uri) throw new Error(`File ${name} was already registered with a different path (old path = ${existing.uri}, new path = ${uri})`);
    return existing !== undefined;
  }

  /** Runs `use` on a local path of the source: the file itself, or a copy fetched from DFS (removed afterwards). */
  private withLocalCopy(uri: string, recursive: boolean, use: (local: string) => void): void {
    if (!uri.startsWith('dfs://')) return use(uri.slice('file:'.length));
    const staging = mkdtempSync(join(tmpdir(), 'flint-dfs-fetch-'));
    try {
      use(fetchFromDfs(uri, staging, recursive));
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
}

/** `file:/absolute/path` for a local path (or `file:` URI), `dfs://host:port/path` for a DFS one. */
function sourceUri(path: string, namenode: string | undefined, operation: string): string {
  if (typeof path !== 'string' || path === '') throw new TypeError(`${operation}: give a local path or a dfs:// URL, got ${String(path)}`);
  if (path.startsWith('dfs://')) return withOwnNamenode(path, namenode).replace(/\/+$/, '');
  return `file:${resolve(path.replace(/^file:(\/\/)?/, ''))}`;
}

function splitFragment(path: string): [string, string | undefined] {
  const hash = typeof path === 'string' ? path.lastIndexOf('#') : -1;
  if (hash < 0) return [path, undefined];
  const fragment = path.slice(hash + 1);
  if (fragment === '' || fragment.includes('/') || fragment === '.' || fragment === '..') throw new Error(`addArchive(${path}): the name after # must be a plain directory name`);
  return [path.slice(0, hash), fragment];
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}
