/** The word count benchmark's results: their shape, the targets, and the markdown table. */

export interface ProgramSummary {
  name: string;
  timesMs: number[];
  medianMs: number;
  /** The fastest run: the least disturbed by other work on a shared machine. */
  bestMs: number;
  /** Each run's peak resident set size. */
  maxRssBytes: number[];
  peakRssBytes: number;
}

export interface TargetCheck {
  label: string;
  /** Over the median runs (times) or the peak (memory): what `met` judges. */
  measured: number;
  /** The same ratio over the fastest runs, for reading results from a busy machine. */
  measuredBest?: number;
  goal: number;
  /** Whether `measured` must be at least (`min`) or below (`max`) the goal. */
  kind: 'min' | 'max';
  unit: 'x' | 'MB';
  met: boolean;
}

export interface WordCountReport {
  date: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  /** The 1-minute load average before and after the runs: above the CPU count, other work competed. */
  loadAverage: { before: number; after: number };
  input: { path: string; bytes: number; words: number; distinctWords: number };
  runs: number;
  programs: ProgramSummary[];
  targets: TargetCheck[];
  /** Ratios reported without a goal, over the median and over the fastest runs. */
  otherRatios: { label: string; median: number; best: number }[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(name: string, timesMs: number[], maxRssBytes: number[]): ProgramSummary {
  return {
    name,
    timesMs,
    medianMs: median(timesMs),
    bestMs: Math.min(...timesMs),
    maxRssBytes,
    peakRssBytes: Math.max(...maxRssBytes),
  };
}

export function targetCheck(
  label: string,
  measured: number,
  kind: 'min' | 'max',
  goal: number,
  unit: 'x' | 'MB',
  measuredBest?: number,
): TargetCheck {
  return { label, measured, measuredBest, goal, kind, unit, met: kind === 'min' ? measured >= goal : measured < goal };
}

export function markdownReport(report: WordCountReport): string {
  const { input, machine } = report;
  const lines = [
    `# Word count benchmark, ${report.date}`,
    '',
    `${mebibytes(input.bytes)} of Zipf-distributed text (${input.words.toLocaleString('en')} words, ` +
      `${input.distinctWords.toLocaleString('en')} distinct); each program in its own process, ` +
      `${report.runs} run${report.runs === 1 ? '' : 's'} each, median time. ` +
      `Node ${machine.node} on ${machine.platform}, ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `load average ${report.loadAverage.before.toFixed(1)} before and ${report.loadAverage.after.toFixed(1)} after.`,
    '',
    '| program | median time | best time | all runs | peak memory |',
    '| --- | ---: | ---: | --- | ---: |',
    ...report.programs.map(
      (program) =>
        `| ${program.name} | ${seconds(program.medianMs)} | ${seconds(program.bestMs)} | ` +
        `${program.timesMs.map(seconds).join(', ')} | ${megabytes(program.peakRssBytes)} |`,
    ),
    '',
    '| target | measured (median) | best runs | goal | met (median) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...report.targets.map(
      (target) =>
        `| ${target.label} | ${formatTarget(target.measured, target.unit)} | ` +
        `${target.measuredBest === undefined ? '–' : formatTarget(target.measuredBest, target.unit)} | ` +
        `${target.kind === 'min' ? '≥' : '<'} ${formatTarget(target.goal, target.unit)} | ${target.met ? 'yes' : '**no**'} |`,
    ),
    '',
    'The targets compare against the programs that do the job\'s steps by hand (count-words.ts). ' +
      'The char scan (char-scan.ts) shows what hand-tuning the per-word loop gains on top:',
    '',
    '| ratio | measured (median) | best runs |',
    '| --- | ---: | ---: |',
    ...report.otherRatios.map((ratio) => `| ${ratio.label} | ${formatTarget(ratio.median, 'x')} | ${formatTarget(ratio.best, 'x')} |`),
  ];
  return lines.join('\n') + '\n';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

function formatTarget(value: number, unit: 'x' | 'MB'): string {
  return unit === 'x' ? `${value.toFixed(2)}×` : `${value.toFixed(0)} MB`;
}
