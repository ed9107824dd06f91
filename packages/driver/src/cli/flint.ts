#!/usr/bin/env node
/**
 * The `flint` command: a thin dispatcher. Each subcommand lives with the package that owns it.
 *   flint namenode ...   the DFS namenode and cluster membership (@flint/dfs)
 *   flint worker ...     a worker node: datanode and executor (@flint/worker)
 *   flint dfs ...        file system commands (@flint/dfs)
 *   flint submit ...     run a job file against a master (@flint/driver)
 */
import { DFS_USAGE, NAMENODE_USAGE, runDfsCommand, runNamenodeCommand } from '@flint/dfs';
import { WORKER_USAGE, runWorkerCommand } from '@flint/worker';
import { SUBMIT_USAGE, runSubmitCommand } from './submit-command.js';

const USAGE = `usage: flint <command> [args]
  namenode   start a namenode            (flint namenode --help)
  worker     start a worker node         (flint worker --help)
  dfs        file system commands        (flint dfs)
  submit     run a job file              (flint submit --help)`;

/** Stops a long-running server on SIGINT/SIGTERM. */
function stopOnSignal(server: { stop(): Promise<void> }): void {
  const shutdown = () => void server.stop().finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function fail(command: string, error: unknown): never {
  process.stderr.write(`flint ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// `flint dfs cat ... | head` closes our stdout early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Processes started by a driver for `local-cluster` end with it: their stdin is a pipe from it.
if (process.env.FLINT_EXIT_WITH_PARENT === '1') {
  process.stdin.on('close', () => process.exit(0));
  process.stdin.resume();
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const wantsHelp = args.includes('--help') || args.includes('-h');
  switch (command) {
    case 'namenode':
      if (wantsHelp) return void process.stdout.write(`${NAMENODE_USAGE}\n`);
      stopOnSignal(await runNamenodeCommand(args).catch((error) => fail('namenode', error)));
      return;
    case 'worker':
      if (wantsHelp) return void process.stdout.write(`${WORKER_USAGE}\n`);
      stopOnSignal(await runWorkerCommand(args).catch((error) => fail('worker', error)));
      return;
    case 'dfs':
      if (wantsHelp) return void process.stdout.write(`${DFS_USAGE}\n`);
      process.exitCode = await runDfsCommand(args);
      return;
    case 'submit':
      if (wantsHelp && !args.includes('--')) return void process.stdout.write(`${SUBMIT_USAGE}\n`);
      process.exitCode = await runSubmitCommand(args).catch((error) => fail('submit', error));
      return;
    default:
      process.stderr.write(`${command === undefined || command === '--help' ? '' : `flint: unknown command "${command}"\n`}${USAGE}\n`);
      process.exitCode = command === '--help' ? 0 : 2;
  }
}

await main(process.argv.slice(2));
