#!/usr/bin/env node
/**
 * The `flint` command: a thin dispatcher. Each subcommand lives with the package that owns it.
 *   flint namenode ...   the DFS namenode and cluster membership (@flint/dfs)
 *   flint worker ...     a worker node: datanode and executor (@flint/worker)
 *   flint dfs ...        file system commands (@flint/dfs)
 *   flint submit ...     run a job file against a master (@flint/driver)
 *   flint shell ...      an interactive shell with a FlintContext as `fc` (@flint/driver)
 *   flint history DIR    the web UI over event logs (@flint/driver)
 * Every command parses its line with parseCommandLine (@flint/dfs): --help/-h and --version
 * everywhere, usage errors as one line with exit code 2, failures as one line with exit code 1.
 */
import { FLINT_VERSION, HelpOrVersion, NAMENODE_USAGE, reportCommandEnd, runDfsCommand, runNamenodeCommand, UsageError } from '@flint/dfs';
// The command alone, not the executor: the worker process runs its executor in a child process.
import { WORKER_USAGE, runWorkerCommand } from '@flint/worker/command';

// The driver's commands load the driver, SQL and Arrow (~600 modules, about 0.7 s of CPU): only the
// command that runs them imports them, so a namenode, a worker or `flint dfs` starts without.
const submitCommand = () => import('./submit-command.js');
const shellCommand = () => import('./shell-command.js');
const historyCommand = () => import('./history-command.js');

const USAGE = `usage: flint <command> [args]
  namenode   start a namenode            (flint namenode --help)
  worker     start a worker node         (flint worker --help)
  dfs        file system commands        (flint dfs --help)
  submit     run a job file              (flint submit --help)
  shell      an interactive shell        (flint shell --help)
  history    web UI over event logs      (flint history --help)
  help [command], --help, --version`;

const HELP: Record<string, () => Promise<string>> = {
  namenode: async () => NAMENODE_USAGE,
  worker: async () => WORKER_USAGE,
  submit: async () => (await submitCommand()).SUBMIT_USAGE,
  shell: async () => (await shellCommand()).SHELL_USAGE,
  history: async () => (await historyCommand()).HISTORY_USAGE,
};

const io = { stdout: process.stdout, stderr: process.stderr };

/** Stops a long-running server on SIGINT/SIGTERM. */
function stopOnSignal(server: { stop(): Promise<void> }): void {
  const shutdown = () => void server.stop().finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
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

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'namenode':
      stopOnSignal(await runNamenodeCommand(args));
      return 0;
    case 'worker':
      stopOnSignal(await runWorkerCommand(args));
      return 0;
    case 'dfs':
      return runDfsCommand(args);
    case 'submit':
      return (await submitCommand()).runSubmitCommand(args);
    case 'shell':
      return (await shellCommand()).runShellCommand(args);
    case 'history':
      stopOnSignal(await (await historyCommand()).runHistoryCommand(args));
      return 0;
    case 'help':
      if (args.length === 0) return answer(USAGE);
      if (args[0] === 'dfs') return runDfsCommand(['help', ...args.slice(1)]);
      if (!Object.hasOwn(HELP, args[0])) throw new UsageError(`unknown command '${args[0]}'`);
      return answer(await HELP[args[0]]());
    case '--help':
    case '-h':
      return answer(USAGE);
    case '--version':
      return answer(`flint ${FLINT_VERSION}`);
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`);
  }
}

function answer(text: string): never {
  throw new HelpOrVersion(text);
}

const command = ['namenode', 'worker', 'dfs', 'submit', 'shell', 'history'].includes(process.argv[2]) ? process.argv[2] : '';
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (process.argv.length === 2) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
  } else {
    // A server that failed to start may hold sockets or timers open: end the process.
    process.exit(reportCommandEnd(command, error, io));
  }
}
