import { parseArgs } from 'node:util';
import { FlintContext } from '@flint/driver';
import { printTable } from '../shared/cli.js';

/** An iterative example's command line: the input path, if given, and its integer options. */
export type IterativeArgs<Option extends string> = { input: string | undefined } & Record<Option, number>;

/** What an iterative job reports besides its result: how long each iteration took. */
export interface IterationTimes {
  iterationMs: number[];
}

/**
 * Runs an iterative example's command line: `[--master URL] [--<option> N ...] [input]`, with
 * positive integer options whose defaults are given. Without `--master`, the context uses
 * FLINT_MASTER or `local[*]`. The job prints its result; then each iteration's time and the
 * total are printed. Any error becomes one line on stderr and exit code 1.
 */
export function runIterativeExample<Option extends string>(
  appName: string,
  usage: string,
  defaults: Record<Option, number>,
  job: (fc: FlintContext, args: IterativeArgs<Option>) => Promise<IterationTimes>,
): void {
  main(appName, usage, defaults, job).catch((error: unknown) => {
    console.error(`${appName}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

async function main<Option extends string>(
  appName: string,
  usage: string,
  defaults: Record<Option, number>,
  job: (fc: FlintContext, args: IterativeArgs<Option>) => Promise<IterationTimes>,
): Promise<void> {
  const parsed = parseIterativeArgs(usage, defaults);
  if (parsed === 'help') {
    console.log(`usage: ${usage}`);
    return;
  }
  const fc = await FlintContext.create({ master: parsed.master, appName });
  const started = performance.now();
  const times = await job(fc, parsed.args).finally(() => fc.stop());
  console.log('\niteration times:');
  printTable(['iteration', 'ms'], times.iterationMs.map((ms, index) => [index + 1, Math.round(ms)]));
  console.log(`\ntime taken: ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

function parseIterativeArgs<Option extends string>(
  usage: string,
  defaults: Record<Option, number>,
): { master: string | undefined; args: IterativeArgs<Option> } | 'help' {
  const names = Object.keys(defaults) as Option[];
  const options: Record<string, { type: 'string' | 'boolean' }> = { master: { type: 'string' }, help: { type: 'boolean' } };
  for (const name of names) options[name] = { type: 'string' };
  const { values, positionals } = parseArgs({ options, allowPositionals: true });
  if (values.help === true) return 'help';
  if (positionals.length > 1) throw new Error(`one input path at most; usage: ${usage}`);
  const numbers = Object.fromEntries(
    names.map((name) => [name, positiveInteger(name, values[name], defaults[name])]),
  ) as Record<Option, number>;
  const master = typeof values.master === 'string' ? values.master : undefined;
  return { master, args: { ...numbers, input: positionals[0] } };
}

function positiveInteger(name: string, given: string | boolean | undefined, fallback: number): number {
  if (given === undefined) return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} wants a positive integer, got ${String(given)}`);
  return value;
}
