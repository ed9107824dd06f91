/**
 * A grouped vertical bar chart as SVG text, as the RDD paper draws its per-iteration figures:
 * one group per category (an iteration, a memory fraction), one coloured bar per series.
 */
export interface BarSeries {
  readonly name: string;
  readonly color: string;
  /** One value per category; NaN leaves a gap. */
  readonly values: readonly number[];
}

export interface BarChart {
  readonly title: string;
  readonly yLabel: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
}

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { top: 48, right: 16, bottom: 56, left: 72 };
const TICKS = 5;
const LEGEND_ITEM_WIDTH = 180;
const LEGEND_ROW_HEIGHT = 18;

export function svgBarChart({ title, yLabel, categories, series }: BarChart): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = niceCeiling(Math.max(...series.flatMap((each) => each.values.filter(Number.isFinite))));
  const y = (value: number): number => MARGIN.top + plotHeight * (1 - value / top);
  const groupWidth = plotWidth / categories.length;
  const barWidth = (groupWidth * 0.8) / series.length;
  const parts: string[] = [];
  for (let tick = 0; tick <= TICKS; tick++) {
    const value = (top * tick) / TICKS;
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end">${formatTick(value)}</text>`);
  }
  categories.forEach((category, index) => {
    const groupLeft = MARGIN.left + index * groupWidth + groupWidth * 0.1;
    series.forEach((each, position) => {
      const value = each.values[index];
      if (!Number.isFinite(value)) return;
      const x = groupLeft + position * barWidth;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${(MARGIN.top + plotHeight - y(value)).toFixed(1)}" fill="${each.color}"><title>${escapeXml(`${each.name}, ${category}: ${formatTick(value)}`)}</title></rect>`);
    });
    parts.push(`<text x="${(groupLeft + groupWidth * 0.4).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${escapeXml(category)}</text>`);
  });
  // The legend wraps onto more rows below the plot when the series do not fit on one.
  const perRow = Math.max(1, Math.floor((WIDTH - MARGIN.left) / LEGEND_ITEM_WIDTH));
  const height = HEIGHT + (Math.ceil(series.length / perRow) - 1) * LEGEND_ROW_HEIGHT;
  series.forEach((each, position) => {
    const x = MARGIN.left + (position % perRow) * LEGEND_ITEM_WIDTH;
    const rowTop = HEIGHT - 22 + Math.floor(position / perRow) * LEGEND_ROW_HEIGHT;
    parts.push(`<rect x="${x}" y="${rowTop}" width="12" height="12" fill="${each.color}"/>`);
    parts.push(`<text x="${x + 16}" y="${rowTop + 10}">${escapeXml(each.name)}</text>`);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
    ...parts,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    '</svg>',
    '',
  ].join('\n');
}

/** 1, 2 or 5 times a power of ten, at least `value`. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function formatTick(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
