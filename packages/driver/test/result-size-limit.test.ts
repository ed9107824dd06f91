import { describe, expect, it } from 'vitest';
import { bytesToString, ResultSizeLimit } from '../src/scheduler/result-size-limit.js';

describe('bytesToString (Spark Utils.bytesToString)', () => {
  it('uses the largest unit the size is at least twice of, with one decimal', () => {
    expect(bytesToString(0)).toBe('0.0 B');
    expect(bytesToString(2047)).toBe('2047.0 B');
    expect(bytesToString(2048)).toBe('2.0 KiB');
    expect(bytesToString(1024 * 1024)).toBe('1024.0 KiB');
    expect(bytesToString(3 * 1024 * 1024 + 512 * 1024)).toBe('3.5 MiB');
    expect(bytesToString(2 ** 30)).toBe('1024.0 MiB');
    expect(bytesToString(5 * 2 ** 40)).toBe('5.0 TiB');
  });
});

describe('ResultSizeLimit', () => {
  it('sums per job and fails the task that passes the limit', () => {
    const limit = new ResultSizeLimit(1000);
    expect(limit.add(1, 400)).toBeUndefined();
    expect(limit.add(2, 999)).toBeUndefined();
    expect(limit.add(1, 600)).toBeUndefined();
    expect(limit.add(1, 1)?.message).toMatch(/^Total size of serialized results of 3 tasks \(1001\.0 B\) is bigger than spark\.driver\.maxResultSize \(1000\.0 B\)/);
    limit.jobEnded(2);
    expect(limit.add(2, 999)).toBeUndefined();
  });

  it('0 is no limit', () => {
    expect(new ResultSizeLimit(0).add(1, 2 ** 40)).toBeUndefined();
  });
});
