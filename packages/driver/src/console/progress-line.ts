/**
 * The console progress bar's line, as Spark's ConsoleProgressBar draws it: one segment per
 * active stage, sharing the terminal's width,
 *
 *     [Stage 2:=====>              (12 + 2) / 40][Stage 3:>                (0 + 1) / 8]
 *
 * with the finished tasks as `=`, the head as `>`, and (finished + running) / total.
 */
export interface StageProgress {
  readonly stageId: number;
  readonly numTasks: number;
  readonly completed: number;
  readonly running: number;
}

/** The line for these stages in `width` columns (no stage: an empty line). */
export function progressLine(stages: readonly StageProgress[], width: number): string {
  if (stages.length === 0) return '';
  const share = Math.floor(width / stages.length);
  return stages.map((stage) => segment(stage, share)).join('');
}

function segment({ stageId, numTasks, completed, running }: StageProgress, width: number): string {
  const header = `[Stage ${stageId}:`;
  const tailer = `(${completed} + ${running}) / ${numTasks}]`;
  const barWidth = width - header.length - tailer.length;
  if (barWidth <= 0) return header + tailer;
  const done = numTasks === 0 ? barWidth : Math.floor((barWidth * completed) / numTasks);
  const bar = Array.from({ length: barWidth }, (_, i) => (i < done ? '=' : i === done ? '>' : ' ')).join('');
  return header + bar + tailer;
}
