/**
 * The event log (the `eventLog: dir` option, Spark's spark.eventLog.dir): every scheduler event
 * of the application, one JSON object a line, in the order the listener bus delivered them.
 * Lines are gathered while the bus delivers a batch and written together after it; the log is
 * finished (renamed from .inprogress) when the context stops. A write that fails is reported
 * once and ends the log: the application goes on.
 */
import type { SchedulerEvent } from '../scheduler/events.js';
import type { LogFile } from './log-files.js';

export class EventLogWriter {
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private failed = false;

  constructor(
    private readonly file: LogFile,
    private readonly warn: (line: string) => void,
  ) {}

  /** The listener to subscribe to the context's events. */
  readonly onEvent = (event: SchedulerEvent): void => {
    if (this.failed) return;
    if (this.pending.length === 0) setImmediate(() => this.write());
    this.pending.push(`${JSON.stringify(event)}\n`);
  };

  /** Writes what is left and gives the log its final name. */
  async finish(): Promise<void> {
    this.write();
    await this.writing;
    if (!this.failed) await this.file.finish().catch((error: Error) => this.fail(error));
  }

  private write(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.writing = this.writing.then(() => (this.failed ? undefined : this.file.append(text))).catch((error: Error) => this.fail(error));
  }

  private fail(error: Error): void {
    this.failed = true;
    this.warn(`flint: the event log ${this.file.finalName} could not be written (${error.message}); no more events are logged`);
  }
}
