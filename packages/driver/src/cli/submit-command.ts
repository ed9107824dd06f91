/**
 * `flint submit JOB.ts [--master URL] [--mode memory|mapreduce] [-- args]`: runs a TypeScript (or
 * JavaScript) job file with tsx, its FlintContext pointed at the given master and execution mode
 * through FLINT_MASTER and FLINT_MODE. The job's exit code is the command's.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseMaster } from '../context/master-url.js';

export const SUBMIT_USAGE = 'usage: flint submit JOB.ts [--master URL] [--mode memory|mapreduce] [-- job arguments]';

export function runSubmitCommand(argv: string[]): Promise<number> {
  const separator = argv.indexOf('--');
  const own = separator < 0 ? argv : argv.slice(0, separator);
  const jobArgs = separator < 0 ? [] : argv.slice(separator + 1);
  const flags: Record<'master' | 'mode', string | undefined> = { master: undefined, mode: undefined };
  const positional: string[] = [];
  for (let i = 0; i < own.length; i++) {
    const flag = /^--(master|mode)(?:=(.*))?$/.exec(own[i]);
    if (flag) flags[flag[1] as 'master' | 'mode'] = flag[2] ?? own[++i];
    else positional.push(own[i]);
  }
  const { master, mode } = flags;
  if (positional.length !== 1) throw new Error(`expected one job file\n${SUBMIT_USAGE}`);
  const job = resolve(positional[0]);
  if (!existsSync(job)) throw new Error(`job file not found: ${job}`);
  if (master !== undefined) parseMaster(master);
  if (mode !== undefined && mode !== 'memory' && mode !== 'mapreduce') throw new Error(`--mode must be memory or mapreduce, got '${mode}'`);
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsx, job, ...jobArgs], {
    stdio: 'inherit',
    env: { ...process.env, ...(master === undefined ? {} : { FLINT_MASTER: master }), ...(mode === undefined ? {} : { FLINT_MODE: mode }) },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0))));
}
