/**
 * The `flint` command line as a user meets it: usage errors are one line with exit code 2 and run
 * nothing, --help/-h/help and --version work on every command, and submit's options reach the
 * job's FlintContext (with the job's own options winning, as in spark-submit).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlint } from './run-flint.js';

const VERSION = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../packages/driver/package.json'), 'utf8')) as { version: string }).version;

let dir: string;
let job: string;
let marker: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-cli-'));
  marker = join(dir, 'ran');
  job = join(dir, 'job.mjs');
  // Records that it ran, then prints what its context was configured with.
  writeFileSync(
    job,
    `import { writeFileSync } from 'node:fs';
import { FlintContext } from '@flint/driver';
writeFileSync(${JSON.stringify(marker)}, 'ran');
const fc = await FlintContext.create(process.argv[2] === 'code-name' ? { appName: 'from-code' } : {});
const cached = fc.parallelize(Array.from({ length: 1000 }, (_, i) => 'x'.repeat(100) + i), 2).cache();
await cached.count();
const cachedPartitions = fc.getPersistentRDDs().reduce((n, rdd) => n + rdd.partitions.length, 0);
let failure = '';
try {
  await fc.parallelize([1], 1).map(() => { throw new Error('boom'); }).collect();
} catch (error) {
  failure = error.message.split('\\n')[0];
}
console.log(JSON.stringify({ master: fc.master, appName: fc.appName, mode: fc.mode, cachedPartitions, failure, args: process.argv.slice(2) }));
await fc.stop();
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs every bad command line at once (each its own process) and expects from each one line on
 * stderr matching its message, exit code 2, and no job run.
 */
async function expectUsageErrors(cases: Array<[args: string[], message: RegExp]>): Promise<void> {
  rmSync(marker, { force: true });
  const results = await Promise.all(cases.map(([args]) => runFlint(args, { cwd: dir })));
  cases.forEach(([args, message], i) => {
    const result = results[i];
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
  expect(existsSync(marker)).toBe(false);
}

describe('flint usage errors', () => {
  it('gives one line and exit code 2 for a bad submit line, and runs nothing', async () => {
    await expectUsageErrors([
      [['submit'], /^flint submit: expected 1 argument, got 0 \(see 'flint submit --help'\)$/],
      [['submit', join(dir, 'missing.ts')], /^flint submit: job file not found: .*missing\.ts/],
      [['submit', job, '--mode', 'fast'], /^flint submit: mode: must be memory or mapreduce, got 'fast'/],
      [['submit', job, '--bogus'], /^flint submit: unknown option '--bogus'/],
      [['submit', job, '--master'], /^flint submit: option '--master' needs a value/],
      [['submit', job, '--master', 'spark://host:7077'], /^flint submit: master: Could not parse master URL 'spark:\/\/host:7077'/],
      [['submit', job, '--conf', 'threads=2'], /^flint submit: unknown option 'threads' \(known: master, appName/],
      [['submit', job, '--conf', 'maxFailures'], /^flint submit: --conf needs KEY=VALUE, got 'maxFailures'/],
      [['submit', job, '--executor-memory', 'lots'], /^flint submit: executorMemory: must be a positive size/],
      [['submit', job, '--properties-file', join(dir, 'nope.conf')], /^flint submit: properties file not found/],
      [['submit', job, 'extra'], /^flint submit: unexpected argument 'extra'/],
    ]);
  });

  it('gives one line and exit code 2 for the other commands', async () => {
    await expectUsageErrors([
      [['frobnicate'], /^flint: unknown command 'frobnicate' \(see 'flint --help'\)$/],
      [['--bogus'], /^flint: unknown option '--bogus'/],
      [['help', 'frobnicate'], /^flint: unknown command 'frobnicate'/],
      [['dfs'], /^flint dfs: missing command/],
      [['dfs', 'frobnicate'], /^flint dfs: unknown command 'frobnicate'/],
      [['dfs', 'put', 'only-one'], /^flint dfs put: expected 2 arguments, got 1 \(see 'flint dfs put --help'\)$/],
      [['dfs', 'ls', '--bogus'], /^flint dfs ls: unknown option '--bogus'/],
      [['dfs', 'ls', '--namenode'], /^flint dfs: option '--namenode' needs a value/],
      [['namenode', '--port'], /^flint namenode: option '--port' needs a value/],
      [['namenode', '--port', 'http'], /^flint namenode: --port must be a non-negative integer, got "http"/],
      [['worker', '--namenode', '127.0.0.1:1', '--threads', 'many'], /^flint worker: --threads must be a positive integer/],
    ]);
  });
});

describe('flint help and version', () => {
  /** Each command line in its own process, all at once. */
  const runAll = (lines: string[][]) => Promise.all(lines.map((args) => runFlint(args)));
  const commands = ['namenode', 'worker', 'dfs', 'submit'];

  it('prints the overview for --help, -h and help', async () => {
    for (const result of await runAll([['--help'], ['-h'], ['help']])) {
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^usage: flint <command>/);
      for (const command of commands) expect(result.stdout).toContain(`flint ${command} --help`);
    }
  });

  it("prints each command's help for every spelling", async () => {
    const spellings = commands.flatMap((command) => [[command, '--help'], [command, '-h'], ['help', command]]);
    (await runAll(spellings)).forEach((result, i) => {
      expect(result.code, `${spellings[i].join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^usage: flint ${spellings[i].find((word) => commands.includes(word))}`));
    });
    for (const result of await runAll([['dfs', 'put', '--help'], ['dfs', 'help', 'put'], ['dfs', 'put', '-h'], ['help', 'dfs', 'put']])) {
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^usage: flint dfs put LOCAL PATH/);
    }
  });

  it('prints the version everywhere', async () => {
    for (const result of await runAll([['--version'], ['submit', '--version'], ['dfs', '--version'], ['dfs', 'ls', '--version'], ['namenode', '--version'], ['worker', '--version']])) {
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`flint ${VERSION}\n`);
    }
  });
});

describe('flint submit options', () => {
  interface JobReport {
    master: string;
    appName: string;
    mode: string;
    cachedPartitions: number;
    failure: string;
    args: string[];
  }

  async function submit(args: string[]): Promise<JobReport> {
    const result = await runFlint(['submit', job, ...args], { cwd: dir, env: { FLINT_MASTER: undefined, FLINT_MODE: undefined } });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as JobReport;
  }

  // One submit per test, one at a time: each is a whole Node process running a job on local[N].
  it('hands --master, --name, --mode and --conf to the context, and the arguments after -- to the job', async () => {
    const report = await submit(['--master', 'local[2]', '--name', 'cli-test', '--mode', 'memory', '--conf', 'maxFailures=2', '--', 'a', '--b']);
    expect(report).toMatchObject({ master: 'local[2]', appName: 'cli-test', mode: 'memory', args: ['a', '--b'] });
    expect(report.cachedPartitions).toBe(2);
    expect(report.failure).toMatch(/failed 2 times/);
  });

  it('hands --executor-memory and --conf mode to the context', async () => {
    const small = await submit(['--master', 'local[1]', '--executor-memory', '1k', '--conf', 'mode=mapreduce']);
    expect(small).toMatchObject({ master: 'local[1]', mode: 'mapreduce', cachedPartitions: 0 });
    expect(small.failure).toMatch(/failed 4 times/);
  });

  it('hands --conf executorMemory to the context', async () => {
    const tight = await submit(['--master', 'local[1]', '--conf', 'executorMemory=1k']);
    expect(tight.cachedPartitions).toBe(0);
  });

  describe('precedence', () => {
    let properties: string;
    beforeAll(() => {
      properties = join(dir, 'flint.conf');
      writeFileSync(properties, '# defaults for this test\nmaster local[2]\nappName=from-file\nmaxFailures 3\n\n');
    });

    it('reads the properties file', async () => {
      const fromFile = await submit(['--properties-file', properties]);
      expect(fromFile).toMatchObject({ master: 'local[2]', appName: 'from-file' });
      expect(fromFile.failure).toMatch(/failed 3 times/);
    });

    it('lets --conf win over the properties file, and flags over both', async () => {
      const overridden = await submit(['--properties-file', properties, '--conf', 'appName=from-conf', '--master', 'local[1]']);
      expect(overridden).toMatchObject({ master: 'local[1]', appName: 'from-conf' });
    });

    it('lets a flag win over --conf', async () => {
      const flagOverConf = await submit(['--conf', 'appName=from-conf', '--name', 'from-flag']);
      expect(flagOverConf.appName).toBe('from-flag');
    });

    it("lets the job's own options win over flags", async () => {
      const code = await submit(['--name', 'from-flag', '--', 'code-name']);
      expect(code.appName).toBe('from-code');
    });
  });

  it("exits with the job's exit code", async () => {
    const exiting = join(dir, 'exit.mjs');
    writeFileSync(exiting, 'process.exit(3);\n');
    expect((await runFlint(['submit', exiting])).code).toBe(3);
  });
});
