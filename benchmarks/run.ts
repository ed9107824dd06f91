/**
 * `npm run bench -- <name> [args]` runs one benchmark; `npm run bench` runs every one that
 * exists. Each runs in its own process so that one's memory does not weigh on the next.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCHMARKS: Record<string, string> = {
  wordcount: 'wordcount.ts',
  dfs: 'dfs-throughput.ts',
  cluster: 'cluster.ts',
  modes: 'modes.ts',
  sql: 'sql.ts',
};

function main(): number {
  const [name, ...args] = process.argv.slice(2);
  const available = Object.keys(BENCHMARKS).join(', ');
  if (name === '--help' || name === 'help') {
    console.log(`usage: npm run bench [-- NAME [options]]: runs one benchmark, or all of them in turn\n  benchmarks: ${available}\n  npm run bench -- NAME --help describes one`);
    return 0;
  }
  if (name !== undefined && !(name in BENCHMARKS)) {
    console.error(`unknown benchmark "${name}"; the benchmarks are: ${available}`);
    return 2;
  }
  const names = name === undefined ? Object.keys(BENCHMARKS).filter((each) => existsSync(scriptOf(each))) : [name];
  for (const each of names) {
    const script = scriptOf(each);
    if (!existsSync(script)) {
      console.error(`benchmark "${each}" is not written yet: ${script} is missing`);
      return 2;
    }
    console.log(`\n=== benchmark: ${each} ===`);
    const { status, signal } = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' });
    if (status !== 0) {
      console.error(`benchmark "${each}" failed (${signal ?? `exit code ${status}`})`);
      return 1;
    }
  }
  return 0;
}

function scriptOf(name: string): string {
  return fileURLToPath(new URL(BENCHMARKS[name], import.meta.url));
}

process.exitCode = main();
