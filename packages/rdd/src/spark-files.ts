/**
 * PySpark's SparkFiles: where the files added with `fc.addFile` are. Inside a task it is the
 * directory of the executor running it (each executor receives its own copy); on the driver, the
 * driver's copy. Shipped functions may use `SparkFiles` without capture: the worker puts it in
 * scope, and the free-variable check knows the name.
 */
import { join, resolve } from 'node:path';

export class SparkFiles {
  private static root: string | null = null;

  /** The absolute path of a file added with addFile (a directory, when added with recursive), by its name. */
  static get(filename: string): string {
    return resolve(join(SparkFiles.getRootDirectory(), filename));
  }

  /** The directory holding the added files here. */
  static getRootDirectory(): string {
    if (SparkFiles.root === null) throw new Error('SparkFiles is only available after a FlintContext is created, or inside a task');
    return SparkFiles.root;
  }

  /** @internal Set by the context on the driver, and by the worker for each task. */
  static setRootDirectory(directory: string): void {
    SparkFiles.root = directory;
  }
}
