/** Worker-side functions of cogroup and the joins built on it. */
import type { RuntimeFunctions } from '../runtime/registry.js';

type Pair = [unknown, unknown];

function joinValues([left, right]: [unknown[], unknown[]], env: { type: 'inner' | 'left' | 'right' | 'full' }): Pair[] {
  const lefts = left.length === 0 && (env.type === 'right' || env.type === 'full') ? [null] : left;
  const rights = right.length === 0 && (env.type === 'left' || env.type === 'full') ? [null] : right;
  const out: Pair[] = [];
  for (const v of lefts) for (const w of rights) out.push([v, w]);
  return out;
}

export const JOINS_RUNTIME = {
  tagValue: (v: unknown, env: { index: number }) => [env.index, v],
  splitTaggedValues: (tagged: [number, unknown][], env: { count: number }) => {
    const sides: unknown[][] = Array.from({ length: env.count }, () => []);
    for (const [index, value] of tagged) sides[index].push(value);
    return sides;
  },
  joinValues,
  onlyLeftSide: (kv: [unknown, unknown[][]]) => kv[1][0].length > 0 && kv[1][1].length === 0,
  leftSideValues: (sides: unknown[][]) => sides[0],
  onBothSides: (kv: [unknown, unknown[][]]) => kv[1][0].length > 0 && kv[1][1].length > 0,
} satisfies RuntimeFunctions;
