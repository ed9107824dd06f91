import { seededRandom, zipfSampler } from '../shared/random.js';
import { writeLineFile } from './line-file.js';

export interface GraphOptions {
  vertices: number;
  /** Disjoint groups the vertices are dealt into; edges stay inside a group. 1 by default. */
  groups?: number;
  /** The most links a vertex makes; out-degrees follow a power law from 1 up to this. 40 by default. */
  maxOutDegree?: number;
  seed?: number;
}

/**
 * Writes a directed graph with power-law in- and out-degrees as `source target` lines (the edge
 * list format of the SNAP data sets). Every vertex links to at least one other vertex of its
 * group, and no edge repeats. Targets are drawn by Zipf popularity, so a few hubs collect most
 * links, as pages on the web do. Vertex ids are 0..vertices-1, shuffled so that neither a group
 * nor the popular vertices occupy a range of ids.
 */
export function generatePowerLawGraph(path: string, options: GraphOptions): void {
  writeLineFile(path, powerLawEdges(options));
}

function* powerLawEdges({ vertices, groups = 1, maxOutDegree = 40, seed = 1 }: GraphOptions): Generator<string> {
  if (!(vertices >= 2 * groups)) throw new RangeError(`want at least 2 vertices per group, got ${vertices} for ${groups}`);
  const random = seededRandom(seed);
  const ids = shuffledIds(vertices, random);
  for (let group = 0; group < groups; group++) {
    // In order of popularity: members[0] is the group's biggest hub.
    const members = ids.filter((_, index) => index % groups === group);
    const popularTarget = zipfSampler(members.length, random);
    const extraLinks = zipfSampler(Math.min(maxOutDegree, members.length - 1), random, 1.5);
    for (const source of members) {
      const targets = new Set<number>();
      const outDegree = 1 + extraLinks();
      while (targets.size < outDegree) {
        const target = members[popularTarget()];
        if (target !== source) targets.add(target);
      }
      for (const target of targets) yield `${source} ${target}`;
    }
  }
}

/** 0..n-1 in a seeded random order (Fisher–Yates). */
function shuffledIds(n: number, random: () => number): number[] {
  const ids = Array.from({ length: n }, (_, id) => id);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids;
}
