// Spark's console progress bar line, drawn from stage progress alone.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/console/progress-line.js';

describe('progressLine', () => {
  it('draws one stage across the width: done tasks as =, the head as >, (done + running) / total', () => {
    // 80 columns: the header "[Stage 2:" (9) and tailer "(12 + 2) / 40]" (14) leave 57 for the bar;
    // 12 of 40 done fills floor(57 * 12 / 40) = 17 of them.
    const line = progressLine([{ stageId: 2, numTasks: 40, completed: 12, running: 2 }], 80);
    expect(line).toBe(`[Stage 2:${'='.repeat(17)}>${' '.repeat(39)}(12 + 2) / 40]`);
    expect(line).toHaveLength(80);
  });

  it('splits the width between stages', () => {
    const line = progressLine([{ stageId: 0, numTasks: 4, completed: 4, running: 0 }, { stageId: 1, numTasks: 2, completed: 0, running: 2 }], 60);
    // Each gets 30: "[Stage 0:" (9) + "(4 + 0) / 4]" (12) leave 9, all done; stage 1 leaves 9 with the head first.
    expect(line).toBe(`[Stage 0:${'='.repeat(9)}(4 + 0) / 4][Stage 1:>${' '.repeat(8)}(0 + 2) / 2]`);
  });

  it('drops the bar when the terminal is too narrow, and is empty with no stage', () => {
    expect(progressLine([{ stageId: 7, numTasks: 100, completed: 50, running: 3 }], 20)).toBe('[Stage 7:(50 + 3) / 100]');
    expect(progressLine([], 80)).toBe('');
  });
});
