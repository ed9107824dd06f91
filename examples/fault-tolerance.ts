/**
 * The fault-tolerance demo (`npm run demo:fault`): on `local-cluster[3,1]`, word count joined
 * with a lexicon over text in DFS (replication 2); one worker is SIGKILLed while the stage that
 * reads the shuffle runs. Prints what the scheduler and the namenode did about it, the result,
 * and whether it equals the same job's result without a failure; exits 1 if not. It prints the
 * driver UI's address at start-up and, at a terminal, keeps the UIs up until Enter is pressed.
 *
 *   npx tsx examples/fault-tolerance.ts [--size-mb N] [--block-kib N] [--top N]
 */
import { parseArgs } from 'node:util';
import { exampleDataPath } from './shared/data-dir.js';
import { runFaultDemo } from './fault-tolerance/demo.js';
import { checkResult, narrate } from './fault-tolerance/narrate.js';

const usage = 'npx tsx examples/fault-tolerance.ts [--size-mb N] [--block-kib N] [--top N]';

async function main(): Promise<boolean> {
  const { values } = parseArgs({
    options: {
      'size-mb': { type: 'string', default: '30' },
      'block-kib': { type: 'string', default: '2048' },
      top: { type: 'string', default: '10' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(`usage: ${usage}`);
    return true;
  }
  const started = performance.now();
  let ok = false;
  await runFaultDemo(
    {
      dataDir: exampleDataPath('fault-tolerance'),
      textBytes: positive('--size-mb', values['size-mb']) * 2 ** 20,
      blockSize: positive('--block-kib', values['block-kib']) * 1024,
      vocabularySize: 20_000,
      reducePartitions: 6,
      killAfterTasks: 1,
      replicationTimeoutMs: 20_000,
    },
    (line) => console.log(line),
    async (report, fc) => {
      console.log();
      narrate(report, positive('--top', values.top));
      ok = checkResult(report) && report.kill !== undefined;
      console.log(`\ntime taken: ${((performance.now() - started) / 1000).toFixed(2)} s`);
      // Someone at a terminal can look at the job in the UIs before the cluster goes away; CI and tests (no TTY) go on.
      if (process.stdin.isTTY) await waitForEnter(`\nThe driver UI stays up at ${fc.uiWebUrl} (cluster UI: ${fc.localCluster!.uiUrl}); press Enter to stop. `);
    },
  );
  return ok;
}

function waitForEnter(prompt: string): Promise<void> {
  process.stdout.write(prompt);
  return new Promise((resolve) => {
    const done = () => {
      process.stdin.pause();
      resolve();
    };
    process.stdin.once('data', done);
    process.stdin.once('end', done);
    process.stdin.resume();
  });
}

function positive(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${option} wants a positive integer, got ${value}; usage: ${usage}`);
  return parsed;
}

main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1;
  },
  (error: unknown) => {
    console.error(`fault-tolerance: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
