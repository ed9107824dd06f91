/**
 * `npm run soak [-- --seconds 90] [--max-jobs 300] [--seed 1]`: many small jobs and a large
 * shuffle at once on local-cluster[3,1] while workers are SIGKILLed and restarted at random.
 * Every job's result is checked against a sequential reference, and at the end every DFS file
 * written before the chaos is read back and compared byte for byte, and fsck must be healthy.
 * Bounded in time and in jobs; loopback only; not part of `npm test`. Exits 1 on any mismatch.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DfsClient } from '@flint/dfs';
import { FlintContext } from '@flint/driver';
import { generateLines } from '../test/cluster/harness.js';
import { largeShuffle, smallJobs, type Job } from './soak/jobs.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '90' },
    'max-jobs': { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    'shuffle-records': { type: 'string', default: '600000' },
  },
});
const seconds = Number(values.seconds);
const maxJobs = Number(values['max-jobs']);
const shuffleRecords = Number(values['shuffle-records']);
const random = seeded(Number(values.seed));
const SMALL_JOB_RUNNERS = 3;

const tally = { jobsRun: 0, resultsChecked: 0, mismatches: [] as string[], workersKilled: 0, bytesVerified: 0 };

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function runJob(fc: FlintContext, job: Job): Promise<void> {
  tally.jobsRun++;
  try {
    if (await job.run(fc)) tally.resultsChecked++;
    else tally.mismatches.push(`${job.name}: result differs from the sequential reference`);
  } catch (error) {
    tally.mismatches.push(`${job.name}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Kills one worker at a time and restarts it, so two of the three replicas of every block stay up. */
async function chaos(fc: FlintContext, done: () => boolean): Promise<void> {
  const cluster = fc.localCluster!;
  while (!done()) {
    await sleep(2_000 + random() * 3_000);
    if (done()) return;
    const index = Math.floor(random() * cluster.workers.length);
    cluster.killWorker(index);
    tally.workersKilled++;
    process.stderr.write(`soak: killed worker ${index}\n`);
    await sleep(1_000 + random() * 2_000);
    await cluster.restartWorker(index);
  }
}

async function writeFiles(client: DfsClient): Promise<{ texts: Map<string, string[]>; digests: Map<string, string> }> {
  const texts = new Map<string, string[]>();
  const digests = new Map<string, string>();
  for (let i = 0; i < 3; i++) {
    const lines = generateLines(4_000 + 3_000 * i, 11 + i);
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    await client.writeFile(`/soak/text-${i}.txt`, bytes, { replication: 3, blockSize: 64 * 1024 });
    texts.set(`/soak/text-${i}.txt`, lines);
    digests.set(`/soak/text-${i}.txt`, sha256(bytes));
  }
  for (let i = 0; i < 2; i++) {
    const bytes = Buffer.alloc((1 + i) * 1024 * 1024);
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    await client.writeFile(`/soak/binary-${i}.bin`, bytes, { replication: 3, blockSize: 256 * 1024 });
    digests.set(`/soak/binary-${i}.bin`, sha256(bytes));
  }
  return { texts, digests };
}

async function verifyFiles(client: DfsClient, digests: Map<string, string>): Promise<void> {
  for (const [path, digest] of digests) {
    const bytes = await client.readFile(path).catch((error: Error) => {
      tally.mismatches.push(`${path}: unreadable: ${error.message}`);
      return undefined;
    });
    if (!bytes) continue;
    if (sha256(bytes) === digest) tally.bytesVerified += bytes.length;
    else tally.mismatches.push(`${path}: content differs from what was written`);
  }
  const deadline = Date.now() + 30_000;
  let report = await client.fsck('/soak');
  while (!report.healthy && Date.now() < deadline) {
    await sleep(500);
    report = await client.fsck('/soak');
  }
  if (!report.healthy) tally.mismatches.push(`fsck /soak: not healthy 30 s after the chaos (${report.missingBlocks} missing, ${report.underReplicatedBlocks} under-replicated blocks)`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const fc = await FlintContext.create({ master: 'local-cluster[3,1]', appName: 'soak' });
  const client = await DfsClient.connect(fc.localCluster!.namenode);
  try {
    const { texts, digests } = await writeFiles(client);
    const jobs = smallJobs(texts);
    const deadline = Date.now() + seconds * 1000;
    const done = () => Date.now() >= deadline || tally.jobsRun >= maxJobs;
    const smallRunner = async () => {
      while (!done()) await runJob(fc, jobs[Math.floor(random() * jobs.length)]);
    };
    // The large shuffle runs once, from the start, alongside everything else.
    await Promise.all([runJob(fc, largeShuffle(shuffleRecords)), chaos(fc, done), ...Array.from({ length: SMALL_JOB_RUNNERS }, smallRunner)]);
    await verifyFiles(client, digests);
  } finally {
    client.close();
    await fc.stop();
  }
  const elapsed = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `soak: ${tally.jobsRun} jobs run, ${tally.workersKilled} workers killed, ${tally.resultsChecked} results checked, ` +
      `${tally.bytesVerified} DFS bytes verified, ${tally.mismatches.length} mismatches, in ${elapsed} s\n`,
  );
  for (const mismatch of tally.mismatches) process.stdout.write(`  mismatch: ${mismatch}\n`);
  return tally.mismatches.length === 0 ? 0 : 1;
}

process.exitCode = await main();
