/**
 * Whether a package's entries load its bundle (scripts/bundle-sql.mjs, scripts/bundle-task-thread.mjs)
 * or the plain modules. A bundle is used only while every .tsbuildinfo it was made from (its
 * package's, and for the task thread's bundle those of the packages it holds) is the one it was
 * made from: tsc rewrites that file whenever it emits, so after a `tsc -b` alone the plain modules
 * (current) are loaded. The check is a few stats and a small read. It lives here, in the package
 * every other depends on, so that an executor can check the task thread's bundle without loading
 * @flint/sql (an RDD program loads none of the SQL layer).
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** What identifies one write of the .tsbuildinfo. */
export function builtFromStamp(info: Pick<Stats, 'mtimeMs' | 'size'>): string {
  return `${info.mtimeMs}:${info.size}`;
}

/**
 * The bundle's `built-from` file: a line `<path from dist>\t<stamp>` for each .tsbuildinfo (the
 * package's own is `.tsbuildinfo`, another package's e.g. `../../rdd/dist/.tsbuildinfo`).
 */
export function builtFromText(dist: string, buildInfos: readonly string[]): string {
  return buildInfos.map((path) => `${path}\t${builtFromStamp(statSync(join(dist, path)))}\n`).join('');
}

/**
 * True when `dist`'s bundle (dist/`bundle`) was made from the current .tsbuildinfo files. An
 * installed package has no .tsbuildinfo (package.json's files leave it out): nothing compiled it
 * after its bundle was made.
 */
export function bundleIsFresh(dist: string, bundle = 'bundle'): boolean {
  let builtFrom: string;
  try {
    builtFrom = readFileSync(join(dist, bundle, 'built-from'), 'utf8');
  } catch {
    return false;
  }
  const lines = builtFrom.split('\n').filter((line) => line !== '');
  return lines.length > 0 && lines.every((line) => {
    const [path, stamp] = line.split('\t');
    try {
      return builtFromStamp(statSync(join(dist, path))) === stamp;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  });
}
