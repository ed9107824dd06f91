/**
 * Writes the markdown and SVG of a saved SQL benchmark result again from its JSON (for example
 * after the report's format changed, or for a run stopped early, whose JSON holds the tasks it
 * finished): `tsx benchmarks/sql/render-report.ts benchmarks/results/sql-<...>.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { clickbenchChart, salesChart, tpchChart } from './charts.js';
import { geometricMeans, markdownReport, targets, type SqlBenchReport } from './report.js';

export function renderAgain(jsonPath: string): void {
  const saved = JSON.parse(readFileSync(jsonPath, 'utf8')) as SqlBenchReport;
  const tpch = saved.tpch === null ? null : { ...saved.tpch, geometricMeans: geometricMeans(saved.tpch.measurements) };
  const clickbench = saved.clickbench ? { ...saved.clickbench, geometricMeans: geometricMeans(saved.clickbench.measurements) } : null;
  const report: SqlBenchReport = { ...saved, tpch, clickbench, targets: targets({ sales: saved.sales, tpch }) };
  const base = jsonPath.replace(/\.json$/, '');
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(`${base}.md`, markdownReport(report));
  if (report.sales !== null) writeFileSync(`${base}.svg`, salesChart(report.sales.rows, report.sales.measurements));
  if (report.tpch !== null) writeFileSync(`${base}.tpch.svg`, tpchChart(report.tpch.scaleFactor, report.tpch.measurements));
  if (clickbench !== null) writeFileSync(`${base}.clickbench.svg`, clickbenchChart(clickbench.rows, clickbench.measurements));
  const charts = [report.sales !== null ? ',svg' : '', report.tpch !== null ? ',tpch.svg' : '', clickbench !== null ? ',clickbench.svg' : ''];
  console.log(`wrote ${base}.{json,md${charts.join('')}}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [path] = process.argv.slice(2);
  if (path === undefined || !path.endsWith('.json')) {
    console.error('usage: render-report.ts <benchmarks/results/sql-....json>');
    process.exitCode = 1;
  } else {
    renderAgain(path);
  }
}
