/**
 * A real DFS cluster for end-to-end tests: a namenode and datanodes as separate `flint`
 * processes on loopback, with small timings so failures are noticed in seconds. Every child is
 * tracked by PID and SIGKILLed by `stop()`, which tests call in afterEach/afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DfsClient, type FsckReport } from '@flint/dfs';
import { ensureRunSecret } from '@flint/net';

// The cluster, the CLI runs and this process's clients authenticate with one secret made for the test run.
ensureRunSecret();

export const FLINT_CLI = resolve(import.meta.dirname, '../../packages/driver/dist/cli/flint.js');

export const TIMING_FLAGS = [
  '--heartbeat-ms', '300',
  '--recheck-ms', '500',
  '--replication-interval-ms', '300',
  '--block-report-ms', '5000',
  '--safe-mode-extension-ms', '300',
];

export interface NodeProcess {
  child: ChildProcess;
  /** The namenode's RPC address; for a worker, its datanode or executor address. */
  address: string;
  dataDir: string;
  /** The datanode id (datanodes only). */
  nodeId: string;
  stdout: string[];
  stderr: string[];
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

export class DfsTestCluster {
  namenode: NodeProcess | undefined;
  readonly datanodes: NodeProcess[] = [];
  private readonly children = new Set<ChildProcess>();
  private clients: DfsClient[] = [];

  private constructor(readonly root: string) {}

  static async start(options: { datanodes: number; namenodeFlags?: string[] }): Promise<DfsTestCluster> {
    if (!existsSync(FLINT_CLI)) throw new Error(`${FLINT_CLI} is missing: run "npm run build" first`);
    const cluster = new DfsTestCluster(await mkdtemp(join(tmpdir(), 'flint-dfs-e2e-')));
    try {
      await cluster.startNamenode(0, options.namenodeFlags);
      for (let i = 0; i < options.datanodes; i++) await cluster.startDatanode();
      await cluster.waitForLiveDatanodes(options.datanodes);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  get namenodeAddress(): string {
    if (!this.namenode) throw new Error('no namenode running');
    return this.namenode.address;
  }

  async startNamenode(port = 0, extraFlags: string[] = []): Promise<NodeProcess> {
    const dataDir = join(this.root, 'namenode');
    this.namenode = await this.spawnNode(['namenode', '--port', String(port), '--ui-port', '0', '--data', dataDir, ...TIMING_FLAGS, ...extraFlags], dataDir, /^namenode listening on (\S+)$/);
    return this.namenode;
  }

  /** Starts a datanode; pass the data directory of a killed one to restart it. */
  async startDatanode(dataDir = join(this.root, `datanode-${this.datanodes.length}`)): Promise<NodeProcess> {
    // A worker prints its datanode id first: `datanode ID listening on ADDRESS` when it runs only a
    // datanode, `worker ID executor EXECUTOR` when it also runs an executor.
    const node = await this.spawnNode(['worker', '--namenode', this.namenodeAddress, '--data', dataDir], dataDir, /^(?:datanode|worker) (\S+) (?:listening on|executor) (\S+)$/);
    this.datanodes.push(node);
    return node;
  }

  kill(node: NodeProcess): void {
    node.child.kill('SIGKILL');
  }

  async killAndWait(node: NodeProcess): Promise<void> {
    if (node.child.exitCode !== null || node.child.signalCode !== null) return;
    const exited = new Promise((resolve) => node.child.once('exit', resolve));
    node.child.kill('SIGKILL');
    await exited;
  }

  /** The namenode's cluster UI, from the line it prints after its RPC address. */
  async clusterUiUrl(): Promise<string> {
    let url: string | undefined;
    await waitFor('the namenode to print its cluster UI address', () => {
      url = this.namenode?.stdout.map((line) => /^cluster UI on (\S+)$/.exec(line)?.[1]).find((found) => found !== undefined);
      return url !== undefined;
    });
    return url!;
  }

  liveDatanodes(): NodeProcess[] {
    return this.datanodes.filter((node) => node.child.exitCode === null && node.child.signalCode === null);
  }

  async client(): Promise<DfsClient> {
    const client = await DfsClient.connect(this.namenodeAddress, { rpcTimeoutMs: 10_000 });
    this.clients.push(client);
    return client;
  }

  /** Runs `flint ARGS` against this cluster's namenode. */
  cli(args: string[], options: { stdin?: Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    return runCli(args, { ...options, env: { FLINT_NAMENODE: this.namenode?.address ?? '', ...options.env } });
  }

  async fsck(path = '/'): Promise<FsckReport> {
    const result = await this.cli(['dfs', 'fsck', path, '--json']);
    if (result.stdout.trim() === '') throw new Error(`fsck printed nothing: ${result.stderr}`);
    return JSON.parse(result.stdout) as FsckReport;
  }

  async waitForLiveDatanodes(count: number): Promise<void> {
    const client = await this.client();
    await waitFor(`${count} live datanodes`, async () => (await client.liveNodes()).length === count);
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.close();
    this.clients = [];
    for (const child of this.children) child.kill('SIGKILL');
    await Promise.all([...this.children].map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
    await rm(this.root, { recursive: true, force: true });
  }

  private spawnNode(args: string[], dataDir: string, banner: RegExp): Promise<NodeProcess> {
    const child = spawn(process.execPath, [FLINT_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.add(child);
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`flint ${args[0]} did not start: ${stderr.join('\n')}`)), 15_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`flint ${args[0]} exited with ${code}: ${stderr.join('\n')}`));
      });
      const stdout: string[] = [];
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => stdout.push(line));
      lines.once('line', (line) => {
        clearTimeout(timer);
        const match = banner.exec(line);
        if (!match) return reject(new Error(`unexpected first line from flint ${args[0]}: ${line}`));
        const [nodeId, address] = match.length === 3 ? [match[1], match[2]] : ['', match[1]];
        resolvePromise({ child, address, dataDir, nodeId, stdout, stderr });
      });
    });
  }
}

export function runCli(args: string[], options: { stdin?: Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [FLINT_CLI, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.end(options.stdin);
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(stdout);
      resolvePromise({ code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Polls until `condition` holds; fails with the description after `timeoutMs`. */
export async function waitFor(description: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await condition()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Deterministic pseudo-random bytes, so a failing test can be rerun with the same data. */
export function pseudoRandomBytes(length: number, seed = 1): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** Every block of every file under the report's path has exactly `replication` live replicas. */
export function fullyReplicated(report: FsckReport, replication: number): boolean {
  return report.healthy && report.files.every((file) => file.blocks.every((block) => block.live.length === replication && block.corrupt.length === 0));
}
