/**
 * A benchmark's command line: node:util's parseArgs, with `--help` printing the benchmark's
 * usage and a command line that does not fit said in one line (exit code 2), not a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function benchOptions<T extends Options>(name: string, usage: string, options: T): ReturnType<typeof parseArgs<{ options: T }>>['values'] {
  if (process.argv.slice(2).includes('--help')) {
    console.log(`usage: npm run bench -- ${name} ${usage}`);
    process.exit(0);
  }
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    console.error(`bench ${name}: ${(error as Error).message} (see npm run bench -- ${name} --help)`);
    process.exit(2);
  }
}
