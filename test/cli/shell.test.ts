/**
 * `flint shell` driven through its stdin as a real child process: a word count checked against a
 * sequential count, top-level await, TypeScript typed at the prompt, the capture error for values
 * defined at the prompt, and a clean exit on `.exit` and on the end of input (the context stops:
 * a local-cluster's namenode no longer answers). Tab completion is typed into a pseudo-terminal
 * (util-linux `script`), where the REPL completes as it does for a person.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FLINT_BIN } from './run-flint.js';

const children = new Set<ChildProcess>();

afterEach(() => {
  // The pty session runs in its own process group: SIGKILL the group (script and the shell).
  for (const child of children) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  children.clear();
});

interface ShellRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `command args` in its own process group, stdin piped; `output()` is all it printed so far. */
function start(command: string, args: string[]) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<ShellRun>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, exited, output: () => stdout };
}

/** Runs the shell over `lines` piped to its stdin, to its end. */
function pipeToShell(lines: string[], args: string[] = []): Promise<ShellRun> {
  const shell = start(process.execPath, [FLINT_BIN, 'shell', ...args]);
  shell.child.stdin!.end(lines.map((line) => `${line}\n`).join(''));
  return shell.exited;
}

const TEXT = ['the quick brown fox', 'jumps over the lazy dog', 'the end'];

function wordCountReference(lines: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const word of lines.flatMap((line) => line.split(' '))) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('flint shell', () => {
  it('counts words with top-level await and TypeScript typed at the prompt, then exits on .exit', async () => {
    const run = await pipeToShell([
      `const lines: string[] = ${JSON.stringify(TEXT)}`,
      'const counts = await fc.parallelize(lines, 2).flatMap((line: string) => line.split(" ")).map((w): [string, number] => [w, 1]).reduceByKey((a: number, b: number) => a + b).collect()',
      'JSON.stringify(counts.sort(([a], [b]) => (a < b ? -1 : 1)))',
      'await fc.range(10).sum()',
      'fc.parallelize([1, 2]).map((x) => x)',
      '.exit',
      'console.log("not reached")',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Flint \S+ shell: TypeScript or JavaScript, top-level await/);
    expect(run.stdout).toMatch(/Flint context available as 'fc' \(master = local\[\*\], app id = flint-shell-\w+\)/);
    expect(run.stderr).toMatch(/UI available at http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toContain(`'${JSON.stringify(wordCountReference(TEXT))}'`);
    expect(run.stdout).toContain('flint> 45\n');
    expect(run.stdout).toMatch(/flint> MapPartitionsRDD\[\d+\] map \[\]\n/);
    expect(run.stdout).not.toContain('not reached');
  });

  it('tells the user to use capture when a function uses a value defined at the prompt, and works with capture', async () => {
    const run = await pipeToShell([
      'const k = 3',
      'var offset = 1',
      'function double(x: number) { return 2 * x }',
      'fc.parallelize([1, 2]).map((x) => x * k)',
      'fc.parallelize([1, 2]).map((x) => x + offset)',
      'fc.parallelize([1, 2]).map((x) => double(x))',
      'await fc.parallelize([1, 2]).map(capture({ k }, (x, { k }) => x * k)).collect()',
    ]);
    expect(run.code).toBe(0);
    for (const name of ['k', 'offset', 'double']) {
      expect(run.stdout).toContain(
        `ReferenceError: The function passed to map() uses '${name}' from its enclosing scope (map at REPL`,
      );
      expect(run.stdout).toContain(`pass values (and helper functions) with capture, e.g. capture({ ${name} }, (x, { ${name} }) => ...)`);
    }
    expect(run.stdout).toContain('flint> [ 3, 6 ]\n');
    expect(run.stdout).not.toContain('    at '); // one-line errors: no Flint stack frames
  });

  it('stops its context at the end of its input: the local-cluster it started goes away', async () => {
    const run = await pipeToShell(['await fc.parallelize([1, 2, 3], 3).map((x) => x * x).collect()'], ['--master', 'local-cluster[1,1]']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('flint> [ 1, 4, 9 ]\n');
    const clusterUi = /cluster UI \(namenode\) at (\S+)/.exec(run.stderr)?.[1];
    expect(clusterUi, run.stderr).toBeDefined();
    await expect(fetch(clusterUi!)).rejects.toThrow();
  }, 120_000);

  it('answers a bad master with one line', async () => {
    const run = await pipeToShell([], ['--master', 'spark://nowhere']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^flint shell: .*spark:\/\/nowhere/);
  });

  it('completes RDD methods on Tab in a terminal, also after a call', async () => {
    if (!existsSync('/usr/bin/script')) throw new Error('this test types into a pseudo-terminal with /usr/bin/script: install util-linux (bsdutils)');
    const shell = start('script', ['-qfec', `'${process.execPath}' '${FLINT_BIN}' shell --master local[1]`, '/dev/null']);
    const waitForOutput = async (pattern: RegExp) => {
      await expect.poll(() => shell.output(), { timeout: 30_000, interval: 100 }).toMatch(pattern);
    };
    await waitForOutput(/flint> /);
    shell.child.stdin!.write('const words = fc.parallelize(["a"])\n');
    await waitForOutput(/undefined/);
    shell.child.stdin!.write('words.reduceB\t');
    await waitForOutput(/words\.reduceByKey/);
    shell.child.stdin!.write('\x15'); // Ctrl-U: clear the line
    shell.child.stdin!.write('fc.range(3).map((x) => x).countByV\t');
    await waitForOutput(/\.countByValue/);
    shell.child.stdin!.write('\x15.exit\n');
    expect((await shell.exited).code, shell.output()).toBe(0);
  }, 60_000);
});
