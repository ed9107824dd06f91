/** The SQL benchmark's results: their shape, the targets, and the markdown tables. */
import { geometricMean, medianMs, peakRssBytes, type Measurement } from './measurement.js';
import { REFERENCE_ENGINE } from './run-rounds.js';

export interface TargetCheck {
  label: string;
  measured: number;
  goal: number;
  met: boolean;
}

export interface SqlBenchReport {
  date: string;
  command: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  /** The 1-minute load average before and after the runs: above the CPU count, other work competed. */
  loadAverage: { before: number; after: number };
  runs: number;
  materialization: string;
  sales: { rows: number; customers: number; measurements: Measurement[] } | null;
  tpch: { scaleFactor: number; measurements: Measurement[]; geometricMeans: GeometricMeans } | null;
  /** Absent from reports written before the ClickBench part. */
  clickbench?: { rows: number; measurements: Measurement[]; geometricMeans: GeometricMeans } | null;
  targets: TargetCheck[];
  mismatches: string[];
}

/** Median time of `measurement` over DuckDB's on the same query and input. */
export function ratioToDuckDb(measurement: Measurement, all: Measurement[]): number {
  const reference = all.find((m) => m.engine === REFERENCE_ENGINE && m.query === measurement.query && m.format === measurement.format);
  return reference === undefined ? NaN : medianMs(measurement) / medianMs(reference);
}

export interface GeometricMeans {
  flintMs: number;
  duckdbMs: number;
  ratio: number;
  queries: number;
  of: number;
}

/** Flint SQL's and DuckDB's, over the queries both answered (`queries` of `of`: all of them in a complete run). */
export function geometricMeans(measurements: Measurement[]): GeometricMeans {
  const all = [...new Set(measurements.map((m) => m.query))];
  const timeOf = (engine: string, query: string) => medianMs(measurements.find((m) => m.engine === engine && m.query === query)!);
  const both = all.filter((query) => Number.isFinite(timeOf('flint-sql', query)) && Number.isFinite(timeOf(REFERENCE_ENGINE, query)));
  const flintMs = geometricMean(both.map((query) => timeOf('flint-sql', query)));
  const duckdbMs = geometricMean(both.map((query) => timeOf(REFERENCE_ENGINE, query)));
  return { flintMs, duckdbMs, ratio: flintMs / duckdbMs, queries: both.length, of: all.length };
}

export function targets(report: Pick<SqlBenchReport, 'sales' | 'tpch'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (label: string, measured: number, goal: number) => checks.push({ label, measured, goal, met: measured < goal });
  for (const m of report.sales?.measurements ?? []) {
    if (m.engine === 'flint-sql' || m.engine === 'flint-dataframe') check(`${m.label} / DuckDB, ${m.query} (${m.format})`, ratioToDuckDb(m, report.sales!.measurements), 2);
    if (m.engine === 'flint-sql' && m.format === 'csv') {
      const handWritten = report.sales!.measurements.find((h) => h.engine === 'hand-written' && h.query === m.query && h.format === 'csv');
      if (handWritten !== undefined) check(`Flint SQL / hand-written, ${m.query} (csv)`, medianMs(m) / medianMs(handWritten), 1);
    }
  }
  if (report.tpch !== null) {
    const { ratio, queries, of } = report.tpch.geometricMeans;
    check(`Flint SQL / DuckDB, TPC-H SF ${report.tpch.scaleFactor} geometric mean${queries < of ? ` (${queries} of ${of} queries)` : ''}`, ratio, 3);
  }
  return checks;
}

export function markdownReport(report: SqlBenchReport): string {
  const { machine } = report;
  const lines = [
    `# SQL benchmark, ${report.date}`,
    '',
    `\`${report.command}\`: each engine in its own process per query (peak memory is that process's maxRSS, ` +
      `its threads included), ${report.runs} run${report.runs === 1 ? '' : 's'} each, median time from the start of the ` +
      `engine's work (context or instance creation included) to the answer; ×DuckDB is the ratio to DuckDB's median. ` +
      `Every answer is checked against DuckDB's; ${report.materialization}. ` +
      `Node ${machine.node} on ${machine.platform}, ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `load average ${report.loadAverage.before.toFixed(1)} before and ${report.loadAverage.after.toFixed(1)} after.`,
  ];
  if (report.sales !== null) {
    const { measurements } = report.sales;
    lines.push('', `## Sales: ${report.sales.rows.toLocaleString('en')} rows, ${report.sales.customers.toLocaleString('en')} customers`);
    for (const format of ['csv', 'parquet'] as const) {
      const ofFormat = measurements.filter((m) => m.format === format);
      if (ofFormat.length === 0) continue;
      const queries = [...new Set(ofFormat.map((m) => m.query))];
      lines.push('', `### ${format === 'csv' ? 'CSV' : 'Parquet'} input`, '', `| engine | ${queries.join(' | ')} |`, `| --- |${queries.map(() => ' ---: |').join('')}`);
      for (const engine of [...new Set(ofFormat.map((m) => m.engine))]) {
        const cells = queries.map((query) => cell(ofFormat.find((m) => m.engine === engine && m.query === query)!, measurements));
        lines.push(`| ${ofFormat.find((m) => m.engine === engine)!.label} | ${cells.join(' | ')} |`);
      }
    }
  }
  if (report.tpch !== null) {
    lines.push('', `## TPC-H, scale factor ${report.tpch.scaleFactor} (CSV input)`, '', ...perQueryTable(report.tpch, 'tpch-'));
  }
  if (report.clickbench) {
    lines.push('', `## ClickBench, ${report.clickbench.rows.toLocaleString('en')} rows (Parquet input)`, '', ...perQueryTable(report.clickbench, 'clickbench-'));
  }
  if (report.targets.length > 0) lines.push('', '## Targets', '', '| target | measured | goal | met |', '| --- | ---: | ---: | --- |');
  for (const target of report.targets) {
    const met = !Number.isFinite(target.measured) ? 'not measured' : target.met ? 'yes' : '**no**';
    lines.push(`| ${target.label} | ${times(target.measured)} | < ${target.goal}× | ${met} |`);
  }
  if (report.mismatches.length > 0) lines.push('', '## Answers that differ from DuckDB\'s', '', ...report.mismatches.map((line) => `- ${line}`));
  const skipped = [...(report.sales?.measurements ?? []), ...(report.tpch?.measurements ?? []), ...(report.clickbench?.measurements ?? [])]
    .filter((m) => m.status !== 'ran');
  if (skipped.length > 0) {
    lines.push('', '## Not measured', '', ...skipped.map((m) => `- ${m.label}, ${m.query} (${m.format}): ${m.status}, ${m.reason}`));
  }
  return lines.join('\n') + '\n';
}

/** Flint SQL against DuckDB, a row per query (named without `prefix`), then the geometric means. */
function perQueryTable({ measurements, geometricMeans: means }: { measurements: Measurement[]; geometricMeans: GeometricMeans }, prefix: string): string[] {
  const lines = ['| query | Flint SQL local[2] | DuckDB, 2 threads | ×DuckDB | answer |', '| --- | ---: | ---: | ---: | --- |'];
  for (const query of [...new Set(measurements.map((m) => m.query))]) {
    const flint = measurements.find((m) => m.engine === 'flint-sql' && m.query === query)!;
    const duck = measurements.find((m) => m.engine === REFERENCE_ENGINE && m.query === query)!;
    lines.push(`| ${query.replace(prefix, '')} | ${timeAndMemory(flint)} | ${timeAndMemory(duck)} | ${times(ratioToDuckDb(flint, measurements))} | ${flint.answer ?? flint.reason ?? ''} |`);
  }
  const over = means.queries < means.of ? ` (${means.queries} of ${means.of} queries)` : '';
  lines.push(`| geometric mean${over} | ${seconds(means.flintMs)} | ${seconds(means.duckdbMs)} | ${times(means.ratio)} | |`);
  return lines;
}

function cell(measurement: Measurement, all: Measurement[]): string {
  if (measurement.status !== 'ran' || measurement.timesMs.length === 0) return timeAndMemory(measurement);
  const ratio = measurement.engine === REFERENCE_ENGINE ? '' : ` (${times(ratioToDuckDb(measurement, all))})`;
  return `${timeAndMemory(measurement)}${ratio}`;
}

function timeAndMemory(measurement: Measurement): string {
  if (measurement.status !== 'ran') return measurement.status;
  if (measurement.timesMs.length === 0) return 'not run';
  return `${seconds(medianMs(measurement))}, ${(peakRssBytes(measurement) / 1e6).toFixed(0)} MB`;
}

function seconds(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–';
}

function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–';
}
