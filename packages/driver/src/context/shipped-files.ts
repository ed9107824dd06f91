/**
 * The files added with fc.addFile (Spark's SparkContext.addFile): each is read once on the driver,
 * copied into the driver's own SparkFiles directory, and sent to every executor with the first
 * task it runs after the file was added (a directory added with `recursive` travels as its files).
 * Adding the same path again does nothing; another path with the same name is an error, as in Spark.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { AddedFile, ExecutorId } from '@flint/worker';

export class ShippedFiles {
  /** By name (the file's or directory's base name): where it came from and its files. */
  private readonly added = new Map<string, { readonly uri: string; readonly files: readonly AddedFile[] }>();
  /** Per executor, the names it has been sent. */
  private readonly sent = new Map<ExecutorId, Set<string>>();
  /** The driver's SparkFiles directory: created with the first added file, removed on stop. */
  readonly rootDirectory: string;

  constructor(appId: string) {
    this.rootDirectory = join(tmpdir(), `flint-files-${appId}`);
  }

  add(path: string, recursive: boolean): void {
    if (typeof path !== 'string' || path.startsWith('dfs://')) throw new Error(`addFile(${path}): give a local file or directory (dfs:// paths are not supported)`);
    const absolute = resolve(path.replace(/^file:(\/\/)?/, ''));
    const uri = `file:${absolute}`;
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (!stats) throw new Error(`File ${uri} does not exist`);
    if (stats.isDirectory() && !recursive) throw new Error(`Added file ${uri} is a directory and recursive is not turned on.`);
    const name = basename(absolute);
    const existing = this.added.get(name);
    if (existing) {
      if (existing.uri === uri) return;
      throw new Error(`File ${name} was already registered with a different path (old path = ${existing.uri}, new path = ${uri})`);
    }
    const files = stats.isDirectory() ? filesUnder(absolute).map((file) => ({ name: join(name, relative(absolute, file)), bytes: readFileSync(file) })) : [{ name, bytes: readFileSync(absolute) }];
    for (const file of files) {
      const target = join(this.rootDirectory, file.name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
    }
    if (stats.isDirectory()) mkdirSync(join(this.rootDirectory, name), { recursive: true });
    this.added.set(name, { uri, files });
  }

  /** The added paths as URIs (PySpark's `sc.listFiles`). */
  list(): string[] {
    return [...this.added.values()].map((entry) => entry.uri);
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
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}
