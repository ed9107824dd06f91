/**
 * DFS throughput benchmark (`npx tsx benchmarks/dfs-throughput.ts [--size-mb 500] [--runs 1]`,
 * or `npm run bench -- dfs ...`). Needs a build (`npm run build`).
 *
 * Starts a namenode and three datanodes as `flint` processes on loopback, all storing on the
 * same disk as the source file, then times, side by side in each round:
 *   cp           the source file to a copy on the same disk (the baseline)
 *   put r=1/r=3  `flint dfs put` with replication 1 and 3 (r=3 writes three copies)
 *   get r=1/r=3  `flint dfs get` of those files back to local disk
 * and reports each as MB/s and as a ratio to cp's MB/s (1.0 = as fast as cp).
 * Every get is checked byte for byte (sha256) against the source. Results go to
 * benchmarks/results/dfs-throughput-<date>.{json,md}.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureRunSecret } from '@flint/net';
import { benchOptions } from './bench-options.js';

const FLINT = fileURLToPath(new URL('../packages/driver/dist/cli/flint.js', import.meta.url));
const DATA_DIR = fileURLToPath(new URL('data/', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('results/', import.meta.url));
const BLOCK_SIZE = 64 * 1024 * 1024;
const DATANODES = 3;

type Operation = 'cp' | 'put r=1' | 'get r=1' | 'put r=3' | 'get r=3';
const OPERATIONS: Operation[] = ['cp', 'put r=1', 'get r=1', 'put r=3', 'get r=3'];

function main(): Promise<void> {
  const values = benchOptions('dfs', `[--size-mb N] [--runs N]
  --size-mb N   size of the file cp, put and get move (default 500)
  --runs N      rounds (default 1)`, { 'size-mb': { type: 'string', default: '500' }, runs: { type: 'string', default: '1' } });
  const sizeMb = Number(values['size-mb']);
  const runs = Number(values.runs);
  if (!(sizeMb > 0) || !(runs >= 1)) throw new Error('--size-mb and --runs must be positive numbers');
  if (!existsSync(FLINT)) throw new Error(`${FLINT} is missing: run "npm run build" first`);
  return run(sizeMb, runs);
}

async function run(sizeMb: number, runs: number): Promise<void> {
  const source = sourceFile(sizeMb);
  const bytes = statSync(source).size;
  const sourceHash = await sha256File(source);
  const work = mkdtempSync(join(DATA_DIR, 'dfs-bench-'));
  const cluster = await startCluster(work);
  const seconds: Record<Operation, number[]> = { cp: [], 'put r=1': [], 'get r=1': [], 'put r=3': [], 'get r=3': [] };
  try {
    for (let round = 1; round <= runs; round++) {
      console.log(`round ${round}/${runs}`);
      seconds.cp.push(time(() => mustRun('cp', [source, join(work, 'cp-copy')])));
      rmSync(join(work, 'cp-copy'));
      for (const replication of [1, 3] as const) {
        const path = `/bench/r${replication}-${round}`;
        const local = join(work, `get-r${replication}`);
        seconds[`put r=${replication}`].push(time(() => flint(cluster.address, ['dfs', 'put', source, path, '--replication', String(replication), '--block-size', String(BLOCK_SIZE)])));
        seconds[`get r=${replication}`].push(time(() => flint(cluster.address, ['dfs', 'get', path, local])));
        if ((await sha256File(local)) !== sourceHash) throw new Error(`get of ${path} returned different bytes`);
        rmSync(local);
        flint(cluster.address, ['dfs', 'rm', path]);
      }
    }
  } finally {
    for (const child of cluster.children) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
  report(bytes, runs, seconds);
}

function report(bytes: number, runs: number, seconds: Record<Operation, number[]>): void {
  const mb = bytes / 1e6;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cpRate = mb / median(seconds.cp);
  const rows = OPERATIONS.map((operation) => {
    const rate = mb / median(seconds[operation]);
    return { operation, seconds: median(seconds[operation]), mbPerSecond: rate, ratioToCp: rate / cpRate };
  });
  const table = [
    `DFS throughput, ${mb.toFixed(0)} MB file, block size ${BLOCK_SIZE / 2 ** 20} MiB, ${DATANODES} datanodes on loopback, ${cpus().length} cores, median of ${runs} run(s)`,
    '',
    '| operation | seconds | MB/s | ratio to cp |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.operation} | ${r.seconds.toFixed(2)} | ${r.mbPerSecond.toFixed(0)} | ${r.ratioToCp.toFixed(3)} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stem = join(RESULTS_DIR, `dfs-throughput-${new Date().toISOString().slice(0, 10)}`);
  writeFileSync(`${stem}.json`, `${JSON.stringify({ bytes, blockSize: BLOCK_SIZE, datanodes: DATANODES, runs, seconds, rows }, null, 2)}\n`);
  writeFileSync(`${stem}.md`, `${table}\n`);
  console.log(`results written to ${stem}.{json,md}`);
}

/** Incompressible, seeded-once data, cached under benchmarks/data/ between runs. */
function sourceFile(sizeMb: number): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `dfs-${sizeMb}mb.bin`);
  if (existsSync(path) && statSync(path).size === sizeMb * 1e6) return path;
  console.log(`generating ${path}...`);
  const chunk = 8 * 1024 * 1024;
  rmSync(path, { force: true });
  for (let written = 0; written < sizeMb * 1e6; written += chunk) {
    writeFileSync(path, randomBytes(Math.min(chunk, sizeMb * 1e6 - written)), { flag: 'a' });
  }
  return path;
}

async function startCluster(work: string): Promise<{ address: string; children: ChildProcess[] }> {
  const children: ChildProcess[] = [];
  ensureRunSecret();
  const start = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [FLINT, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      child.once('exit', (code) => reject(new Error(`flint ${args[0]} exited with ${code}`)));
      createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.split(' ').pop() ?? ''));
    });
  const address = await start(['namenode', '--port', '0', '--ui-port', '0', '--data', join(work, 'namenode')]);
  for (let i = 0; i < DATANODES; i++) await start(['worker', '--namenode', address, '--data', join(work, `datanode-${i}`)]);
  for (let attempt = 0; attempt < 100; attempt++) {
    const report = spawnSync(process.execPath, [FLINT, 'dfs', 'report', '--json', '--namenode', address], { encoding: 'utf8' });
    if (report.status === 0 && (JSON.parse(report.stdout) as { datanodes: unknown[] }).datanodes.length === DATANODES) {
      return { address, children };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the datanodes did not register');
}

function flint(namenode: string, args: string[]): void {
  mustRun(process.execPath, [FLINT, ...args, '--namenode', namenode]);
}

function mustRun(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
}

function time(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

await main();
