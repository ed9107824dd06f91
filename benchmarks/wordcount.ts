/**
 * Word count benchmark (`npm run bench -- wordcount [--runs N] [--mb N]`).
 *
 * Over one generated Zipf-distributed text (100 MB by default, seeded, cached in
 * benchmarks/data/), times four programs, each run in its own process so its peak memory is
 * its own: Flint's word count example on `local[2]`, a hand-written single-threaded program and
 * a hand-written two-worker-thread program doing the job's steps by hand (count-words.ts), the
 * targets' references, and a hand-tuned single-threaded char scan (char-scan.ts), reported for
 * what hand-tuning alone gains. All are compiled to JavaScript first and run under
 * plain node. Rounds interleave the programs so that a slow spell of this shared machine hits
 * all of them; every run's counts must equal the single-threaded program's, or the benchmark
 * fails. Results go to benchmarks/results/wordcount-<date>.{json,md,svg}
 * (wordcount-<N>MB-<date>.* for another size).
 */
import { statSync } from 'node:fs';
import { cpus, loadavg, platform } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeResultFiles } from './results-files.js';
import { benchOptions } from './bench-options.js';
import { cachedPath } from '../examples/shared/generated-file.js';
import { generateText } from '../examples/wordcount/generate.js';
import { compilePrograms, runProgram } from './wordcount/run-program.js';
import { assertSameCounts } from './wordcount/same-counts.js';
import { markdownReport, mebibytes, summarize, targetCheck, type WordCountReport } from './wordcount/report.js';
import { svgChart } from './wordcount/svg-chart.js';

const PROGRAMS = [
  { name: 'Flint local[2]', script: 'flint.js' },
  { name: 'single thread', script: 'single-thread.js' },
  { name: 'two threads', script: 'two-threads.js' },
  { name: 'single thread, char scan', script: 'single-thread-char-scan.js' },
] as const;

const VOCABULARY_SIZE = 50_000;
const SEED = 1;
const MEMORY_LIMIT_MB = 1000;
const DEFAULT_MEGABYTES = 100;

function main(): void {
  const values = benchOptions('wordcount', `[--runs N] [--mb N]
  --runs N   interleaved rounds of the four programs (default 3)
  --mb N     size of the generated text in MB (default ${DEFAULT_MEGABYTES})`, {
    runs: { type: 'string', default: '3' },
    mb: { type: 'string', default: String(DEFAULT_MEGABYTES) },
  });
  const runs = positiveInteger('--runs', values.runs);
  const megabytes = positiveInteger('--mb', values.mb);
  const input = benchText(megabytes);
  const loadBefore = loadavg()[0];

  console.log('compiling the benchmarked programs...');
  compilePrograms();
  // A first, untimed run gives the counts every timed run must match (and warms the page cache).
  const reference = new Map(runProgram('single-thread.js', input).counts);

  const measured = PROGRAMS.map((program) => ({ ...program, timesMs: [] as number[], maxRssBytes: [] as number[] }));
  for (let round = 1; round <= runs; round++) {
    for (const program of measured) {
      const result = runProgram(program.script, input);
      assertSameCounts(reference, result.counts, program.name);
      program.timesMs.push(result.elapsedMs);
      program.maxRssBytes.push(result.maxRssBytes);
      console.log(
        `round ${round}/${runs}: ${program.name.padEnd(24)} ${(result.elapsedMs / 1000).toFixed(2)} s, ` +
          `peak ${(result.maxRssBytes / 1e6).toFixed(0)} MB`,
      );
    }
  }

  const [flint, single, twoThreads, charScan] = measured.map((program) => summarize(program.name, program.timesMs, program.maxRssBytes));
  const report: WordCountReport = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: platform() },
    input: {
      path: input,
      bytes: statSync(input).size,
      words: [...reference.values()].reduce((sum, count) => sum + count, 0),
      distinctWords: reference.size,
    },
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    runs,
    programs: [flint, single, twoThreads, charScan],
    targets: [
      targetCheck(
        'single thread / Flint local[2] (time)',
        single.medianMs / flint.medianMs,
        'min',
        1.6,
        'x',
        single.bestMs / flint.bestMs,
      ),
      targetCheck(
        'Flint local[2] / two threads (time)',
        flint.medianMs / twoThreads.medianMs,
        'max',
        1.2,
        'x',
        flint.bestMs / twoThreads.bestMs,
      ),
      targetCheck('Flint local[2] peak memory', flint.peakRssBytes / 1e6, 'max', MEMORY_LIMIT_MB, 'MB'),
    ],
    otherRatios: [
      { label: 'single thread, char scan / Flint local[2] (time)', median: charScan.medianMs / flint.medianMs, best: charScan.bestMs / flint.bestMs },
      { label: 'single thread / single thread, char scan (time)', median: single.medianMs / charScan.medianMs, best: single.bestMs / charScan.bestMs },
    ],
  };
  // A run on another size (a quick check) must not replace the results of the standard one.
  writeResults(report, megabytes === DEFAULT_MEGABYTES ? 'wordcount' : `wordcount-${megabytes}MB`);
}

function benchText(megabytes: number): string {
  const path = fileURLToPath(new URL(`data/zipf-words-${megabytes}MB-seed${SEED}.txt`, import.meta.url));
  return cachedPath(path, (partial) => {
    console.log(`generating a ${megabytes} MB Zipf-distributed text at ${path} (once)...`);
    generateText(partial, { bytes: megabytes * 1024 * 1024, seed: SEED, vocabularySize: VOCABULARY_SIZE });
  });
}

function writeResults(report: WordCountReport, name: string): void {
  const markdown = markdownReport(report);
  console.log(`\n${markdown}`);
  const svg = svgChart(`word count, ${mebibytes(report.input.bytes)}: median time`, report.programs);
  writeResultFiles(name, report.date, { json: JSON.stringify(report, null, 2) + '\n', md: markdown, svg });
}

function positiveInteger(option: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${option} wants a positive integer, got ${value}`);
  return parsed;
}

main();
