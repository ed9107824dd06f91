/**
 * The files added with fc.addFile, as an executor keeps them: one directory per application
 * (SparkFiles.getRootDirectory() in its tasks). The driver sends each file once per executor,
 * with the first task that executor runs after the file was added; every later task of the
 * application waits until the files sent so far are written, whichever task carried them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { AddedFile } from '../protocol.js';

export class AddedFiles {
  private readonly written = new Map<string, Promise<void>>();

  constructor(private readonly directory: string) {}

  rootFor(appId: string): string {
    return join(this.directory, appId);
  }

  /** Writes the files a task carries; resolves once every file sent for the application so far is written. */
  install(appId: string, files: readonly AddedFile[] = []): Promise<void> {
    const before = this.written.get(appId) ?? Promise.resolve();
    if (files.length === 0) return before;
    const root = this.rootFor(appId);
    const after = before.then(() => Promise.all(files.map((file) => writeAdded(root, file))).then(() => undefined));
    this.written.set(appId, after);
    return after;
  }
}

async function writeAdded(root: string, file: AddedFile): Promise<void> {
  const relative = normalize(file.name);
  if (relative.startsWith(`..${sep}`) || relative === '..' || relative.startsWith(sep)) throw new Error(`added file name ${file.name} is not a path under the files directory`);
  const target = join(root, relative);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, file.bytes);
}
