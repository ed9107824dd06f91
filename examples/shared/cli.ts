import { parseArgs } from 'node:util';
import { FlintContext, type JobSummary } from '@flint/driver';

export interface ExampleArgs {
  /** The input path, when one is given; the examples generate one otherwise. */
  input: string | undefined;
  /** How many rows the top-N examples print. */
  top: number;
  /** The example's own `--name value` options (those it declared), by name. */
  options: Record<string, string | undefined>;
}

type JobHistory = readonly JobSummary[];

/**
 * Runs an example's command line: `[--master URL] [--top N] [input]`, plus the `--name value`
 * options the example names in `ownOptions`. Without `--master`,
 * the context uses FLINT_MASTER or `local[*]`. Prints the jobs and stages that ran and the
 * time taken; any error becomes one line on stderr and exit code 1.
 */
export function runExample(
  appName: string,
  usage: string,
  job: (fc: FlintContext, args: ExampleArgs) => Promise<void>,
  ownOptions: string[] = [],
): void {
  main(appName, usage, job, ownOptions).catch((error: unknown) => {
    console.error(`${appName}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

async function main(
  appName: string,
  usage: string,
  job: (fc: FlintContext, args: ExampleArgs) => Promise<void>,
  ownOptions: string[],
): Promise<void> {
  const args = parseExampleArgs(usage, ownOptions);
  if (args === 'help') {
    console.log(`usage: ${usage}`);
    return;
  }
  const { master, top, input, options } = args;
  const fc = await FlintContext.create({ master, appName });
  const started = performance.now();
  try {
    await job(fc, { input, top, options });
  } finally {
    await fc.stop();
  }
  const elapsedMs = performance.now() - started;
  printJobs(fc.jobHistory);
  console.log(`\ntime taken: ${(elapsedMs / 1000).toFixed(2)} s`);
}

function parseExampleArgs(usage: string, ownOptions: string[]): (Omit<ExampleArgs, 'input'> & { master?: string; input?: string }) | 'help' {
  const own = Object.fromEntries(ownOptions.map((name) => [name, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({
    options: { ...own, master: { type: 'string' }, top: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new Error(`one input path at most; usage: ${usage}`);
  const top = values.top === undefined ? 20 : Number(values.top);
  if (!Number.isInteger(top) || top <= 0) throw new Error(`--top wants a positive integer, got ${values.top}`);
  const given = values as Record<string, string | boolean | undefined>;
  const options = Object.fromEntries(ownOptions.map((name) => [name, given[name] as string | undefined]));
  return { master: values.master, top, input: positionals[0], options };
}

function printJobs(history: JobHistory): void {
  console.log('\njobs and stages run:');
  for (const job of history) {
    // A DataFrame job's description goes on with its SQL text and physical plan: the first line says what ran.
    console.log(`  job ${job.jobId}: ${job.description.split('\n')[0]} (${formatMs(job.durationMs)})`);
    for (const stage of job.stages) {
      const ran = stage.skipped ? 'skipped' : formatMs(stage.durationMs);
      console.log(`    stage ${stage.stageId}: ${stage.name}, ${stage.numTasks} tasks, ${ran}`);
    }
  }
}

function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

/** Prints rows as an aligned table under a header; number columns are right-aligned. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'));
  for (const row of cells) {
    const aligned = row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])));
    console.log(`  ${aligned.join('  ').trimEnd()}`);
  }
}
