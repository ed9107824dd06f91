// The stage's DAG as SVG: its RDDs top to bottom in lineage order, an arrow from each parent to
// its child. Parents outside the stage (the shuffle it reads) are drawn dashed. Cached RDDs are green.
import { esc } from './format.js';

const W = 190;
const H = 40;
const GAP_X = 16;
const GAP_Y = 26;

export function dagSvg(rdds) {
  if (!rdds || rdds.length === 0) return '<p class="muted">No lineage recorded for this stage.</p>';
  const inStage = new Map(rdds.map((r) => [r.id, r]));
  const external = new Map();
  for (const r of rdds) for (const p of r.parentIds) if (!inStage.has(p)) external.set(p, { id: p, name: 'shuffle read', kind: 'shuffled', parentIds: [], external: true });
  const nodes = new Map([...external, ...inStage]);
  const depth = new Map();
  const depthOf = (id, seen = new Set()) => {
    if (depth.has(id)) return depth.get(id);
    if (seen.has(id)) return 0;
    seen.add(id);
    const parents = nodes.get(id).parentIds.filter((p) => nodes.has(p));
    const d = parents.length === 0 ? 0 : 1 + Math.max(...parents.map((p) => depthOf(p, seen)));
    depth.set(id, d);
    return d;
  };
  const layers = [];
  for (const id of [...nodes.keys()].sort((a, b) => a - b)) (layers[depthOf(id)] ??= []).push(id);
  const widest = Math.max(...layers.map((l) => l.length));
  const width = widest * (W + GAP_X) + GAP_X;
  const height = layers.length * (H + GAP_Y) + GAP_Y;
  const at = new Map();
  layers.forEach((ids, d) => {
    const offset = (width - ids.length * (W + GAP_X) + GAP_X) / 2;
    ids.forEach((id, i) => at.set(id, { x: offset + i * (W + GAP_X), y: GAP_Y + d * (H + GAP_Y) }));
  });
  const edges = [];
  for (const [id, node] of nodes)
    for (const p of node.parentIds) {
      if (!at.has(p)) continue;
      const from = at.get(p);
      const to = at.get(id);
      edges.push(`<path d="M${from.x + W / 2},${from.y + H} C${from.x + W / 2},${from.y + H + GAP_Y / 2} ${to.x + W / 2},${to.y - GAP_Y / 2} ${to.x + W / 2},${to.y - 2}"/>`);
    }
  const boxes = [...nodes.values()].map((node) => {
    const { x, y } = at.get(node.id);
    const title = `${node.kind} [${node.id}] ${node.name}${node.numPartitions !== undefined ? `, ${node.numPartitions} partitions` : ''}${node.storageLevel ? `, cached: ${node.storageLevel}` : ''}`;
    const dash = node.external ? ' stroke-dasharray="4 3"' : '';
    const name = node.name.length > 30 ? `${node.name.slice(0, 29)}…` : node.name;
    return `<g data-rdd-id="${node.id}"><title>${esc(title)}</title><rect x="${x}" y="${y}" width="${W}" height="${H}" rx="4"${dash}${node.storageLevel ? ' class="cached"' : ''}/>` +
      `<text x="${x + 8}" y="${y + 15}" font-weight="600">${esc(node.kind)} [${node.id}]</text><text x="${x + 8}" y="${y + 31}">${esc(name)}</text></g>`;
  });
  return `<div class="table-wrap"><svg class="dag" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="max-width:100%;height:auto" role="img" aria-label="stage DAG">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#868e96"/></marker></defs>` +
    `${edges.join('')}${boxes.join('')}</svg></div>`;
}
