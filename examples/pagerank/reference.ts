import { readEdges } from '../iterative/edge-list.js';

/** The sequential PageRank that the Flint job is checked against: the same math, in plain loops. */
export function pageRankSequential(input: string, iterations: number, damping = 0.85): Map<number, number> {
  const links = new Map<number, number[]>();
  for (const [source, target] of readEdges(input)) {
    const targets = links.get(source);
    if (targets === undefined) links.set(source, [target]);
    else targets.push(target);
  }
  let ranks = new Map<number, number>([...links.keys()].map((page) => [page, 1.0]));
  for (let iteration = 0; iteration < iterations; iteration++) {
    const received = new Map<number, number>();
    for (const [page, targets] of links) {
      const rank = ranks.get(page);
      if (rank === undefined) continue; // as the job's join: only pages with links and a rank
      received.set(page, received.get(page) ?? 0);
      for (const target of targets) received.set(target, (received.get(target) ?? 0) + rank / targets.length);
    }
    ranks = new Map([...received].map(([page, sum]) => [page, 1 - damping + damping * sum]));
  }
  return ranks;
}
