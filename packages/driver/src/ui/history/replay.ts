/**
 * Replays an event log (one SchedulerEvent per JSON line, as `eventLog: dir` writes it) into a
 * status store. The last line of an in-progress log may be half written: it is left for the next
 * read. Any other line that is not an event is counted and skipped, so one bad line does not hide
 * an application.
 */
import type { SchedulerEvent } from '../../scheduler/events.js';
import { AppStatusStore } from '../status/app-status-store.js';

export interface Replayed {
  readonly store: AppStatusStore;
  readonly events: number;
  readonly badLines: number;
}

export function replayEventLog(text: string, store = new AppStatusStore()): Replayed {
  const lines = text.split('\n');
  let events = 0;
  let badLines = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const event = parseEvent(line);
    if (event) {
      store.apply(event);
      events++;
    } else if (index < lines.length - 1) badLines++;
  });
  return { store, events, badLines };
}

function parseEvent(line: string): SchedulerEvent | undefined {
  try {
    const value = JSON.parse(line) as Partial<SchedulerEvent>;
    return typeof value === 'object' && value !== null && typeof value.type === 'string' && typeof value.time === 'number' ? (value as SchedulerEvent) : undefined;
  } catch {
    return undefined;
  }
}
