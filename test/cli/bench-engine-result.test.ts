// The SQL benchmark's engine processes hand their answers back through a JSON file: a Date
// (a DATE or TIMESTAMP cell) must come back a Date, and a long past 2^53 (a JS bigint) the same
// bigint, for the answers to compare as values.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readEngineResult, writeEngineResult } from '../../benchmarks/sql/engine-result.js';

it('an engine result keeps its Dates and bigints through the result file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flint-engine-result-'));
  try {
    const file = join(dir, 'result.json');
    const day = new Date(Date.UTC(2013, 6, 1));
    writeEngineResult(file, { kind: 'ran', elapsedMs: 1, maxRssBytes: 2, rows: [{ EventDate: day, c: 2, s: '2013-07-01', u: 435090932899640449n }] });
    const back = readEngineResult(file);
    expect(back.kind === 'ran' && back.rows).toEqual([{ EventDate: day, c: 2, s: '2013-07-01', u: 435090932899640449n }]);
    expect(back.kind === 'ran' && back.rows[0].EventDate).toBeInstanceOf(Date);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
