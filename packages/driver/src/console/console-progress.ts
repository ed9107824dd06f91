/**
 * The driver's console view of the scheduler's events: Spark's progress bar, rewritten in place
 * on stderr while stages run (only when stderr is a terminal; progress-line.ts draws it), and
 * one-line notices for lost executors, fetch failures and resubmitted stages (always; they go
 * through the driver's log, so setLogLevel('ERROR') silences them). The bar is cleared before
 * a notice is written and drawn again after it, and cleared for good when no stage runs.
 */
import type { SchedulerEvent } from '../scheduler/events.js';
import { progressLine, type StageProgress } from './progress-line.js';
import { noticeFor } from './scheduler-notices.js';

/** As Spark: redraw every 200 ms; show a stage once it has run 500 ms; at most 3 stages. */
const UPDATE_INTERVAL_MS = 200;
const FIRST_DELAY_MS = 500;
const MAX_STAGES = 3;

export interface ProgressTerminal {
  write(text: string): void;
  /** The terminal's width in columns. */
  columns(): number;
}

interface RunningStage extends StageProgress {
  readonly attempt: number;
  readonly submittedAt: number;
}

export class ConsoleProgress {
  private readonly stages = new Map<number, RunningStage>();
  private shown = '';
  private timer: NodeJS.Timeout | undefined;

  /** `terminal` undefined: notices only, no bar (stderr is not a terminal, or `progress: false`). */
  constructor(
    private readonly notice: (line: string) => void,
    private readonly terminal: ProgressTerminal | undefined,
  ) {}

  /** The listener to subscribe to the context's events. */
  readonly onEvent = (event: SchedulerEvent): void => {
    const line = noticeFor(event);
    if (line !== undefined) this.tell(line);
    if (this.terminal) this.track(event);
  };

  /** Clears the bar and stops redrawing (the context is stopping). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }

  private tell(line: string): void {
    const shown = this.shown;
    this.clear();
    this.notice(line);
    if (shown) this.draw();
  }

  private track(event: SchedulerEvent): void {
    switch (event.type) {
      case 'stageSubmitted':
        this.stages.set(event.stageId, { stageId: event.stageId, attempt: event.attempt, numTasks: event.numTasks, completed: 0, running: 0, submittedAt: event.time });
        this.timer ??= setInterval(() => this.draw(), UPDATE_INTERVAL_MS).unref();
        return;
      case 'taskStart':
      case 'taskEnd': {
        const stage = this.stages.get(event.stageId);
        if (!stage || stage.attempt !== event.stageAttempt) return;
        const started = event.type === 'taskStart';
        const succeeded = event.type === 'taskEnd' && event.status === 'success';
        this.stages.set(event.stageId, { ...stage, running: Math.max(0, stage.running + (started ? 1 : -1)), completed: stage.completed + (succeeded ? 1 : 0) });
        return;
      }
      case 'stageCompleted':
        this.stages.delete(event.stageId);
        if (this.stages.size === 0) this.stop();
        return;
    }
  }

  private draw(): void {
    const now = Date.now();
    const visible = [...this.stages.values()].filter((stage) => now - stage.submittedAt >= FIRST_DELAY_MS).slice(0, MAX_STAGES);
    // One column spare: a line as wide as the terminal would wrap in some of them.
    const line = progressLine(visible, this.terminal!.columns() - 1);
    if (line === this.shown) return;
    this.terminal!.write(`\r${line.padEnd(this.shown.length)}`);
    this.shown = line;
    if (!line) this.terminal!.write('\r');
  }

  private clear(): void {
    if (!this.shown || !this.terminal) return;
    this.terminal.write(`\r${' '.repeat(this.shown.length)}\r`);
    this.shown = '';
  }
}
