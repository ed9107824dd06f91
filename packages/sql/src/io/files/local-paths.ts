/**
 * The files a reader's paths name, on the local file system: a file, a directory (its files,
 * recursively, skipping Spark's hidden names `_*` and `.*` such as `_SUCCESS`), or a glob with
 * `*`, `?` and `[...]` in its last component. A path that matches nothing is Spark's
 * PATH_NOT_FOUND error.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

function isHidden(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (isHidden(name)) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

function globRegex(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`);
}

/** Strips a `file://` scheme; `dfs://` paths are not local and are refused here. */
export function localPath(path: string): string {
  if (path.startsWith('file://')) return path.slice('file://'.length);
  if (/^[a-z]+:\/\//.test(path)) throw new Error(`${path}: this reader reads local files only (path scheme not supported)`);
  return path;
}

export function expandLocalPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const given of paths) {
    const path = resolve(localPath(given));
    if (/[*?[]/.test(basename(path))) {
      const dir = dirname(path);
      const regex = globRegex(basename(path));
      const matches = existsSync(dir) ? readdirSync(dir).sort().filter((n) => regex.test(n) && !isHidden(n)) : [];
      if (matches.length === 0) throw new Error(`[PATH_NOT_FOUND] Path does not exist: file:${path}.`);
      for (const name of matches) {
        const full = join(dir, name);
        out.push(...(statSync(full).isDirectory() ? filesUnder(full) : [full]));
      }
    } else if (!existsSync(path)) {
      throw new Error(`[PATH_NOT_FOUND] Path does not exist: file:${path}.`);
    } else {
      out.push(...(statSync(path).isDirectory() ? filesUnder(path) : [path]));
    }
  }
  return out;
}
