/** The SQL benchmark's SVG charts: median seconds per engine, grouped by query and input. */
import { svgBarChart } from '../modes/svg-bars.js';
import { medianMs, type Measurement } from './measurement.js';

const COLORS = ['#1c7ed6', '#e8590c', '#f59f00', '#868e96', '#2f9e44', '#7048e8', '#d6336c'];

export function salesChart(rows: number, measurements: Measurement[]): string {
  return chart(`sales queries, ${rows.toLocaleString('en')} rows: median time`, measurements, (m) => `${m.query} ${m.format}`);
}

export function tpchChart(scaleFactor: number, measurements: Measurement[]): string {
  return chart(`TPC-H SF ${scaleFactor}: median time`, measurements, (m) => m.query.replace('tpch-', ''));
}

export function clickbenchChart(rows: number, measurements: Measurement[]): string {
  return chart(`ClickBench, ${rows.toLocaleString('en')} rows: median time`, measurements, (m) => m.query.replace('clickbench-', ''));
}

function chart(title: string, measurements: Measurement[], categoryOf: (m: Measurement) => string): string {
  const categories = [...new Set(measurements.map(categoryOf))];
  const engines = [...new Set(measurements.map((m) => m.engine))];
  const series = engines.map((engine, i) => ({
    name: measurements.find((m) => m.engine === engine)!.label,
    color: COLORS[i % COLORS.length],
    values: categories.map((category) => {
      const measurement = measurements.find((m) => m.engine === engine && categoryOf(m) === category);
      return measurement === undefined ? NaN : medianMs(measurement) / 1000;
    }),
  }));
  return svgBarChart({ title, yLabel: 'seconds', categories, series });
}
