/**
 * The files added with fc.addFile and the archives added with fc.addArchive, as an executor keeps
 * them: one directory per application (SparkFiles.getRootDirectory() in its tasks), where each
 * archive is unpacked into a directory of its name. The driver sends each once per executor,
 * with the first task that executor runs after it was added; every later task of the
 * application waits until the files sent so far are written, whichever task carried them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AddedFile } from '../protocol.js';
import { joinInside, unpackArchive } from './archives.js';

export class AddedFiles {
  private readonly written = new Map<string, Promise<void>>();

  constructor(private readonly directory: string) {}

  rootFor(appId: string): string {
    return join(this.directory, appId);
  }

  /**
   * Writes the files a task carries; resolves once every file sent for the application so far is
   * written. Undefined when none is being written: the task need not wait.
   */
  install(appId: string, files: readonly AddedFile[] = []): Promise<void> | undefined {
    const before = this.written.get(appId);
    if (files.length === 0) return before;
    const root = this.rootFor(appId);
    const after: Promise<void> = (before ?? Promise.resolve()).then(() => Promise.all(files.map((file) => writeAdded(root, file))).then(() => undefined));
    this.written.set(appId, after);
    // Once written, later tasks go without waiting; a failed write stays, for each later task to report.
    after.then(
      () => {
        if (this.written.get(appId) === after) this.written.delete(appId);
      },
      () => {},
    );
    return after;
  }
}

async function writeAdded(root: string, file: AddedFile): Promise<void> {
  const target = joinInside(root, file.name);
  if (file.archive) return unpackArchive(file.bytes, file.archive, target, file.name);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, file.bytes);
}
