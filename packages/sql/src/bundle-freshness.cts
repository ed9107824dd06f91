/**
 * Whether the package's entries load dist/bundle/ (scripts/bundle-sql.mjs) or the plain modules.
 * The bundle is used only while dist/.tsbuildinfo is the one it was made from: tsc rewrites that
 * file whenever it emits, so after a `tsc -b` alone the plain modules (current) are loaded. The
 * check is a stat and a small read, once per thread; the answer is kept, so that every entry of
 * one thread loads the same copy even if a build finishes meanwhile.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/** What identifies one write of the .tsbuildinfo. */
export function builtFromStamp(info: Pick<Stats, 'mtimeMs' | 'size'>): string {
  return `${info.mtimeMs}:${info.size}`;
}

/**
 * True when `dist`'s bundle was made from its current .tsbuildinfo. An installed package has no
 * .tsbuildinfo (package.json's files leave it out): nothing compiled it after its bundle was made.
 */
export function bundleIsFresh(dist: string): boolean {
  let stamp: string;
  try {
    stamp = readFileSync(join(dist, 'bundle', 'built-from'), 'utf8');
  } catch {
    return false;
  }
  try {
    return builtFromStamp(statSync(join(dist, '.tsbuildinfo'))) === stamp;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

let chosen: boolean | undefined;

/** The path, relative to dist/, of `module` (index.js, runtime.js) as this thread loads it. */
export function layerModule(module: string): string {
  chosen ??= bundleIsFresh(__dirname);
  return chosen ? `./bundle/${module}` : `./${module}`;
}
