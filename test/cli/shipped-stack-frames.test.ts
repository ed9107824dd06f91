/**
 * A task that throws shows the user's own file, line and column in its stack, as their editor
 * shows them: through tsx's source map for a TypeScript job (types removed, lines moved), as is
 * for a JavaScript one; also for a helper function captured from another module.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlint } from './run-flint.js';

let dir: string;

/** `file:line:column` (1-based) of the first `marker` in `text`. */
function positionOf(file: string, text: string, marker: string): string {
  const before = text.slice(0, text.indexOf(marker)).split('\n');
  return `${file}:${before.length}:${before.at(-1)!.length + 1}`;
}

const HELPERS = `export interface Reading {
  readonly sensor: string;
  readonly value: number;
}

export function checkReading(reading: Reading): number {
  if (reading.value < 0) {
    throw new RangeError(\`negative reading from \${reading.sensor}\`);
  }
  return reading.value;
}
`;

const TS_JOB = `import { capture, FlintContext } from '@flint/driver';
import { checkReading, type Reading } from './helpers.ts';

interface Scaled {
  readonly value: number;
}

const fc = await FlintContext.create({ master: 'local[1]', maxFailures: 1 });
async function report(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    console.log(JSON.stringify((error as Error).message));
  }
}
await report(() =>
  fc
    .parallelize([1, 2, 3], 1)
    .map((x: number): Scaled => {
      const scaled: Scaled = { value: x * 10 };
      if (x === 2) throw new Error('bad record two');
      return scaled;
    })
    .collect(),
);
const readings: Reading[] = [{ sensor: 'a', value: 1 }, { sensor: 'b', value: -1 }];
await report(() => fc.parallelize(readings, 1).map(capture({ checkReading }, (r: Reading, { checkReading }) => checkReading(r))).collect());
await fc.stop();
`;

const JS_JOB = `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local[1]', maxFailures: 1 });
try {
  await fc.parallelize([1, 2], 1).map((x) => {
    if (x === 2) throw new Error('bad record two');
    return x;
  }).collect();
} catch (error) {
  console.log(JSON.stringify(error.message));
}
await fc.stop();
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-frames-'));
  writeFileSync(join(dir, 'helpers.ts'), HELPERS);
  writeFileSync(join(dir, 'job.ts'), TS_JOB);
  writeFileSync(join(dir, 'job.mjs'), JS_JOB);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function messages(job: string): Promise<string[]> {
  const result = await runFlint(['submit', job], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as string);
}

describe('stack frames of shipped functions', () => {
  it('point at the line and column of a TypeScript job file', async () => {
    const [inline, helper] = await messages('job.ts');
    expect(inline).toMatch(/bad record two/);
    expect(inline).toContain(`(${positionOf('job.ts', TS_JOB, "new Error('bad record two')")})`);
    expect(inline).not.toContain('flint-fn:');
    expect(helper).toMatch(/RangeError: negative reading from b/);
    expect(helper).toContain(`(${positionOf('helpers.ts', HELPERS, 'new RangeError')})`);
    expect(helper).toContain(`(${positionOf('job.ts', TS_JOB, 'checkReading(r))')})`);
  });

  it('point at the line and column of a JavaScript job file', async () => {
    const [inline] = await messages('job.mjs');
    expect(inline).toContain(`(${positionOf('job.mjs', JS_JOB, "new Error('bad record two')")})`);
  });
});
