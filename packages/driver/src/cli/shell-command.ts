/**
 * `flint shell [--master URL] [--name NAME]`: an interactive TypeScript/JavaScript shell with a
 * FlintContext ready as `fc`, as spark-shell and pyspark give `sc`. The context stops when the
 * shell ends (`.exit`, Ctrl-D, or the end of piped input). The context itself prints its UI's
 * address (and a local-cluster's cluster UI) as it starts.
 */
import { parseCommandLine } from '@flint/dfs';
import { StorageLevel, capture } from '@flint/rdd';
import { FlintContext } from '../context/flint-context.js';
import { runShell } from '../shell/flint-shell.js';

export const SHELL_USAGE = `usage: flint shell [--master URL] [--name NAME]
  An interactive shell with a FlintContext as 'fc' (also in scope: capture, StorageLevel, FlintContext).
  Type TypeScript or JavaScript; await works at the top level; Tab completes (RDD methods too).
  --master URL   local, local[N], local[*] (default), local-cluster[W,T] or flint://HOST:PORT
  --name NAME    the application name (default flint-shell)
  .exit or Ctrl-D leaves and stops the context.`;

const SHELL_COMMAND = {
  usage: SHELL_USAGE,
  options: {
    master: { type: 'string' },
    name: { type: 'string' },
  },
} as const;

export async function runShellCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, SHELL_COMMAND);
  const fc = await FlintContext.create({ master: values.master ?? 'local[*]', appName: values.name ?? 'flint-shell' });
  try {
    const out = process.stdout;
    out.write(`Flint ${fc.version} shell: TypeScript or JavaScript, top-level await, Tab to complete, .exit or Ctrl-D to leave.\n`);
    out.write(`Flint context available as 'fc' (master = ${fc.master}, app id = ${fc.applicationId}).\n`);
    const terminal = process.stdin.isTTY === true && out.isTTY === true;
    await runShell(fc, { fc, capture, StorageLevel, FlintContext }, { input: process.stdin, output: out, terminal });
  } finally {
    await fc.stop();
  }
  return 0;
}
