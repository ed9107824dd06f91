/**
 * `npm run bench -- NAME --help` describes a benchmark's options and runs nothing; an option it
 * does not know is one line, not node's parseArgs stack trace.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from './run-flint.js';

const RUN = resolve(import.meta.dirname, '../../benchmarks/run.ts');

function bench(args: string[]) {
  return runProcess(process.execPath, ['--import', 'tsx', RUN, ...args]);
}

describe('the benchmarks command line', () => {
  it('prints usage for --help, and one line for an unknown option', async () => {
    const [list, sql, bogus] = await Promise.all([bench(['--help']), bench(['sql', '--help']), bench(['wordcount', '--bogus'])]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('benchmarks: wordcount, dfs, cluster, modes, sql');
    expect(sql.code, sql.stderr).toBe(0);
    expect(sql.stdout).toContain('usage: npm run bench -- sql [options]\n  --rows N ');
    expect(sql.stdout).toContain('--cpu-prof DIR');
    expect(sql.stdout).not.toContain('generating');
    expect(bogus.code).toBe(1);
    expect(bogus.stderr).toBe(
      "bench wordcount: Unknown option '--bogus' (see npm run bench -- wordcount --help)\nbenchmark \"wordcount\" failed (exit code 2)\n",
    );
  }, 30_000);
});
