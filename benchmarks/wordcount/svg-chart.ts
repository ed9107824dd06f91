import type { ProgramSummary } from './report.js';

const WIDTH = 640;
const LABEL_WIDTH = 150;
const BAR_HEIGHT = 28;
const GAP = 12;
const TOP = 40;

/** A horizontal bar chart of each program's median time. */
export function svgChart(title: string, programs: ProgramSummary[]): string {
  const slowest = Math.max(...programs.map((program) => program.medianMs));
  const scale = (WIDTH - LABEL_WIDTH - 80) / slowest;
  const height = TOP + programs.length * (BAR_HEIGHT + GAP);
  const bars = programs.map((program, i) => {
    const y = TOP + i * (BAR_HEIGHT + GAP);
    const width = Math.max(1, program.medianMs * scale);
    const middle = y + BAR_HEIGHT / 2 + 5;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end">${escapeXml(program.name)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="#e8590c"/>`,
      `<text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${middle}">${(program.medianMs / 1000).toFixed(2)} s</text>`,
    ].join('\n  ');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="sans-serif" font-size="14">`,
    `  <text x="${WIDTH / 2}" y="24" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>`,
    ...bars.map((bar) => `  ${bar}`),
    '</svg>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
