// Helper functions passed with capture run on the workers (as source, like the function itself),
// with their names, calling each other, with envs of their own; a helper that uses something it
// cannot see is an error where the RDD is built. local[2] serializes tasks as a cluster does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'captured-helpers', maxFailures: 1 });
});
afterAll(async () => {
  await fc.stop();
});

const LINES = ['apples,3.50', 'pears,1.25', 'plums,0.75', 'figs,12.00'];

function parseNumber(text: string): number {
  return Number(text.trim());
}
const parseAmount = (line: string): number => parseNumber(line.split(',')[1]) * 100;
const amountName = () => amountName.name;

describe('helper functions in capture', () => {
  it('calls a captured helper on the workers', async () => {
    const cents = await fc
      .parallelize(LINES, 2)
      .map(capture({ parseAmount, parseNumber }, (line, { parseAmount }) => parseAmount(line)))
      .collect();
    expect(cents).toEqual(LINES.map(parseAmount));
  });

  it("keeps a helper's name, also an arrow function's", async () => {
    const names = await fc.parallelize([1, 2], 2).map(capture({ amountName, parseNumber }, (_x, env) => [env.amountName(), env.parseNumber.name])).collect();
    expect(names).toEqual([['amountName', 'parseNumber'], ['amountName', 'parseNumber']]);
  });

  it('gives a helper its own captured values, and builtins by name', async () => {
    const scale = capture({ factor: 10 }, (x: number, { factor }) => x * factor);
    const scaled = await fc.parallelize(['1', '2', '3'], 2).map(capture({ scale, toNumber: Number }, (x, { scale, toNumber }) => scale(toNumber(x)))).collect();
    expect(scaled).toEqual([10, 20, 30]);
  });

  it('reports a helper that uses a function it was not given, at the call site', () => {
    expect(() => fc.parallelize(LINES).map(capture({ parseAmount }, (line, { parseAmount }) => parseAmount(line)))).toThrow(
      /The helper function 'parseAmount' captured for map\(\) uses 'parseNumber' from its enclosing scope \(map at .*captured-helpers\.test\.ts:\d+:\d+\).*capture\(\{ parseAmount, parseNumber \}/,
    );
    const rate = 2;
    const withRate = (x: number) => x * rate;
    expect(() => fc.parallelize([1]).map(capture({ withRate }, (x, { withRate }) => withRate(x)))).toThrow(/helper function 'withRate' .* uses 'rate'/);
  });
});
