/** Compiles a benchmark's programs to plain JavaScript with the repository's tsc (`tsc -p <tsconfig>`). */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export function compileTsProject(tsconfig: URL): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const path = fileURLToPath(tsconfig);
  const { status } = spawnSync(process.execPath, [tsc, '-p', path], { stdio: 'inherit' });
  if (status !== 0) throw new Error(`compiling the benchmarked programs failed (tsc -p ${path})`);
}
