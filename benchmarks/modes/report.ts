/** The markdown report of the modes benchmark. */
import { basename } from 'node:path';
import type { IterativeResult, ModeRun } from './iterative.js';
import type { ModesReport } from './report-types.js';
import { ratioLine } from './idiomatic-lr/compare.js';

/** The target: later iterations of these jobs at the larger size, memory over mapreduce. */
export const SPEED_UP_TARGET = { jobs: ['logistic regression', 'k-means'], factor: 10 } as const;

export function laterSpeedUp(result: IterativeResult): number {
  return run(result, 'mapreduce').laterMs / run(result, 'memory').laterMs;
}

export function markdownReport(report: ModesReport, charts: readonly string[]): string {
  const lines: string[] = [];
  const push = (...text: string[]): number => lines.push(...text);
  push(
    `# Batch (mapreduce) vs in-memory: ${report.date.slice(0, 10)}`,
    '',
    `${report.cluster} (2 worker processes, 1 task thread each), ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}; ` +
      `${report.iterations} iterations per iterative job; whole run ${(report.elapsedMs / 60_000).toFixed(1)} min.`,
    `Load average (1 min) on this shared machine: ${report.loadAverage.map(({ part, load }) => `${part} ${load.toFixed(1)}`).join(', ')}.`,
    'Same job code (examples/*/job.ts) and the same inputs in both modes; every run on a fresh local-cluster[2,1] with its inputs copied into DFS (4 blocks, replication 2); times in ms.',
    report.broadcastRaceRetries.length === 0
      ? 'No run was hit by the engine\'s broadcast race.'
      : `Runs started again after the engine's broadcast race failed them ("broadcast N has not been sent to executor"): ${report.broadcastRaceRetries.join(', ')}.`,
    '',
    '## Iterative jobs: first and later iterations',
    '',
    '"later" is the median of iterations 2..n. Speed-up = mapreduce later / memory later. "by hand" is a single-process Node.js program over typed arrays (its first iteration also reads and parses the input).',
    '',
    '| job | size | input | mapreduce first | mapreduce later | memory first | memory later | speed-up (later) | by hand first | by hand later |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const result of report.iterative) {
    const [mapreduce, memory] = [run(result, 'mapreduce'), run(result, 'memory')];
    push(
      `| ${result.job} | ${result.size.toLocaleString('en')} ${result.unit} | ${mb(result.inputBytes)} | ${ms(mapreduce.firstMs)} | ${ms(mapreduce.laterMs)} | ${ms(memory.firstMs)} | ${ms(memory.laterMs)} | **${laterSpeedUp(result).toFixed(1)}×** | ${ms(result.byHand.firstMs)} | ${ms(result.byHand.laterMs)} |`,
    );
  }
  push('', ...targetLines(report), '');
  const lr = report.idiomaticLr;
  push(
    '## Idiomatic logistic regression against a hand-written two-thread program',
    '',
    `Logistic regression as a user writes it (\`benchmarks/modes/idiomatic-lr/\`: points \`{ y, x: number[] }\`, \`map\` to a gradient array, \`reduce\` adding arrays) over ${lr.points.toLocaleString('en')} 10-dimensional points, ` +
      `cached, memory mode on ${report.cluster}, against a two-worker-thread Node.js program with the same per-record functions that parses its half of the points once and keeps them; ` +
      `${lr.flint.roundsWallMs.length} alternating rounds of ${lr.iterations} iterations. Later = iterations 2..n of every round; CPU time = all processes and threads of the program (Flint: driver, namenode and workers).`,
    '',
    `- ${ratioLine(lr)}`,
    '',
  );
  push(
    '## Where a later iteration\'s time goes',
    '',
    'Per later iteration (mean of iterations 2..n), from `fc.jobHistory` task times divided by the 2 task slots. ' +
      '*job start* = wall time − executor time per slot: planning each job, sending tasks and receiving results, idle slots. *executor, off thread* = task time in the executor outside the task thread and input gathering (handing the task to the thread, storing shuffle outputs, replying). ' +
      '*disk* = reading input and stored job outputs, gathering shuffle and cached blocks. *parse* = re-parsing stored JSON lines. *deserialize* = msgpack decoding of shuffle and cached blocks. ' +
      '*compute* = the rest of the task: the job\'s functions, encoding and writing outputs. *of which text parse* = in mapreduce mode, the job\'s own parse of the text input it re-reads every iteration (its map functions, so part of compute), measured as the wall time of a count over the parsed input minus a count over the raw lines.',
    '',
    '| job | size | mode | wall | job start | executor, off thread | disk | parse | deserialize | compute | of which text parse | jobs | tasks |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const result of report.iterative) {
    for (const mode of result.runs) {
      const b = mode.breakdown;
      push(
        `| ${result.job} | ${result.size.toLocaleString('en')} | ${mode.mode} | ${ms(b.wallMs)} | ${ms(b.jobStartMs)} | ${ms(b.executorOutsideThreadMs)} | ${ms(b.diskMs)} | ${ms(b.parseMs)} | ${ms(b.deserializeMs)} | ${ms(b.computeMs)} | ${mode.textParseMs === undefined ? '–' : ms(mode.textParseMs)} | ${b.jobs.toFixed(1)} | ${b.tasks.toFixed(1)} |`,
      );
    }
  }
  push('', '## One-pass jobs', '', `Median of ${report.batch[0]?.timesMs.memory.length ?? 0} runs per mode, modes alternating; both modes returned the same result.`, '');
  push('| job | input | mapreduce | memory | mapreduce / memory |', '| --- | --- | ---: | ---: | ---: |');
  for (const job of report.batch) {
    push(`| ${job.job} | ${job.input} | ${ms(job.medianMs.mapreduce)} | ${ms(job.medianMs.memory)} | ${(job.medianMs.mapreduce / job.medianMs.memory).toFixed(2)}× |`);
  }
  const [one, two] = report.scaling;
  push('', '## Scaling: word count on local[1] and local[2] (memory mode, local file)', '', '| master | median | runs |', '| --- | ---: | --- |');
  for (const scaling of report.scaling) push(`| ${scaling.master} | ${ms(scaling.medianMs)} | ${scaling.timesMs.map(ms).join(', ')} |`);
  push('', `Speed-up of local[2] over local[1]: ${(one.medianMs / two.medianMs).toFixed(2)}×.`);
  push('', '## Serialization (msgpackr, tinybench, one partition in this process)', '', '| partition | records | bytes | encode MB/s | decode MB/s | encode records/s | decode records/s |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const codec of report.codec) {
    push(`| ${codec.partition} | ${codec.records.toLocaleString('en')} | ${codec.bytes.toLocaleString('en')} | ${codec.encodeMBps.toFixed(0)} | ${codec.decodeMBps.toFixed(0)} | ${(codec.encodeRecordsPerS / 1e6).toFixed(2)} M | ${(codec.decodeRecordsPerS / 1e6).toFixed(2)} M |`);
  }
  push(
    '',
    '## Shuffle throughput',
    '',
    '`range → map to [int, string] → partitionBy(4) → count` on the cluster (mapreduce mode: map outputs through local disk, and the shuffled RDD written to DFS and re-read for the count).',
    '',
    '| mode | records | msgpack MB | median | records/s | MB/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const shuffle of report.shuffle) {
    push(`| ${shuffle.mode} | ${shuffle.records.toLocaleString('en')} | ${(shuffle.bytes / 1e6).toFixed(1)} | ${ms(shuffle.medianMs)} | ${(shuffle.recordsPerS / 1e3).toFixed(0)} k | ${shuffle.MBps.toFixed(1)} |`);
  }
  push(
    '',
    '## MEMORY_ONLY with part of the working set in memory (the RDD paper\'s figure 12)',
    '',
    "Memory mode on local-cluster[2,1] whose workers get `--executor-memory`: each worker's budget is the given fraction of its share of the cached working set " +
      '(measured first with memory to spare): the largest partitions of each cached RDD, as many as a worker holds when they are spread evenly. ' +
      'Partitions that do not fit are dropped and recomputed from the input in DFS when read; a partition is never dropped to cache another of the same RDD.',
    '',
    '| job | in memory | budget per worker | first | later (median) | most cached at once |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const result of report.degradation) {
    for (const each of result.runs) {
      const label = `| ${result.job} (working set ${mb(result.workingSetBytes)}, worker share ${mb(result.workerShareBytes)}) | ${each.fraction * 100}% | ${mb(each.executorMemory)} |`;
      push(each.ok ? `${label} ${ms(each.firstMs)} | ${ms(each.laterMs)} | ${mb(each.cachedBytes)} |` : `${label} failed: ${each.error} | | |`);
    }
  }
  push('', '## skale 1.2.2 (peer, 2 worker processes, local files)', '');
  const { wordCount, logisticRegression } = report.skale;
  push(wordCount.ok ? `- word count (${basename(report.batch[0]?.input ?? '')}): ${ms(wordCount.result.ms)} (Flint on the cluster: see one-pass jobs).` : `- word count: not measured: ${wordCount.error}`);
  push(
    logisticRegression.ok
      ? `- logistic regression (the larger size): first ${ms(logisticRegression.result.firstMs)}, later ${ms(logisticRegression.result.laterMs)} (median of 2..n).`
      : `- logistic regression: not measured: ${logisticRegression.error}`,
  );
  push('', '## Charts', '', ...charts.map((chart) => `![${chart}](${chart})`), '');
  return lines.join('\n');
}

function targetLines(report: ModesReport): string[] {
  const larger = (job: string): IterativeResult | undefined =>
    report.iterative.filter((result) => result.job === job).sort((a, b) => b.size - a.size)[0];
  return SPEED_UP_TARGET.jobs.map((job) => {
    const result = larger(job);
    if (!result) return `- ${job}: not run`;
    const speedUp = laterSpeedUp(result);
    const met = speedUp >= SPEED_UP_TARGET.factor;
    return `- Target: ${job} at ${result.size.toLocaleString('en')} ${result.unit}, later-iteration speed-up ≥ ${SPEED_UP_TARGET.factor}×: **${speedUp.toFixed(1)}× — ${met ? 'met' : 'not met'}**`;
  });
}

function run(result: IterativeResult, mode: ModeRun['mode']): ModeRun {
  const found = result.runs.find((each) => each.mode === mode);
  if (!found) throw new Error(`${result.job}: no ${mode} run`);
  return found;
}

function ms(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '–';
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
