/**
 * `collect_frequent_items(x, size)`, the aggregate behind df.freqItems (Spark's
 * CollectFrequentItems): Karp, Schenker and Papadimitriou's counting, which keeps at most `size`
 * counters and returns every item more frequent than 1/size of the rows (and maybe some less
 * frequent ones, as Spark's answer). The items come out in the order they were first counted.
 */
import { registerFunction } from '../registry.js';
import { Types } from '../types-used.js';
import { DISTINCT_KEY } from './aggregates.js';
import { KEY_TEXT } from '../key-text.js';

/** Spark's FreqItemCounter.add: a new item past `size` counters lowers every count by the smallest and drops the zeros. */
const FREQ_ADD = `function sqlFreqAdd(counters, value, count, size) {
  const key = distinctKey(value);
  const held = counters.get(key);
  if (held !== undefined) { held[1] += count; return; }
  if (counters.size < size) { counters.set(key, [value, count]); return; }
  let min = Infinity;
  for (const [, c] of counters.values()) if (c < min) min = c;
  if (count >= min) {
    counters.set(key, [value, count]);
    for (const [k, entry] of counters) { entry[1] -= min; if (entry[1] <= 0) counters.delete(k); }
  } else {
    for (const entry of counters.values()) entry[1] -= count;
  }
}`;

registerFunction({
  type: 'aggregate',
  name: 'collect_frequent_items',
  minArgs: 2,
  maxArgs: 2,
  returnType: ([t]) => Types.array(t!),
  slots: 2,
  // Counters as [value, count] pairs by item key (a Map keeps first-counted order), and the limit.
  init: () => ['new Map()', '0'],
  update: ([counters, size], [x, limit]) => `${size} = ${limit}; if (${x} !== null) sqlFreqAdd(${counters}, ${x}, 1, ${limit});`,
  merge: ([counters, size], [other, otherSize]) => `if (${size} === 0) ${size} = ${otherSize}; for (const [value, count] of ${other}.values()) sqlFreqAdd(${counters}, value, count, ${size});`,
  finish: ([counters]) => `[...${counters}.values()].map((entry) => entry[0])`,
  helpers: { distinctKey: DISTINCT_KEY, keyText: KEY_TEXT, sqlFreqAdd: FREQ_ADD },
});
