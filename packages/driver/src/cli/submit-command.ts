/**
 * `flint submit JOB.ts [--master URL] [-- args]`: runs a TypeScript (or JavaScript) job file with
 * tsx, its FlintContext pointed at the given master through FLINT_MASTER. The job's exit code is
 * the command's.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseMaster } from '../context/master-url.js';

export const SUBMIT_USAGE = 'usage: flint submit JOB.ts [--master URL] [-- job arguments]';

export function runSubmitCommand(argv: string[]): Promise<number> {
  const separator = argv.indexOf('--');
  const own = separator < 0 ? argv : argv.slice(0, separator);
  const jobArgs = separator < 0 ? [] : argv.slice(separator + 1);
  let master: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--master') master = own[++i];
    else if (own[i].startsWith('--master=')) master = own[i].slice('--master='.length);
    else positional.push(own[i]);
  }
  if (positional.length !== 1) throw new Error(`expected one job file\n${SUBMIT_USAGE}`);
  const job = resolve(positional[0]);
  if (!existsSync(job)) throw new Error(`job file not found: ${job}`);
  if (master !== undefined) parseMaster(master);
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsx, job, ...jobArgs], {
    stdio: 'inherit',
    env: master === undefined ? process.env : { ...process.env, FLINT_MASTER: master },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0))));
}
