/**
 * Replays an event log (one SchedulerEvent per JSON line, as `eventLog: dir` writes it) into a
 * status store. The last line of an in-progress log may be half written: it is left for the next
 * read. A line that is not an event refuses the log with its file and line (event-log-reader.ts).
 */
import { parseEventLog } from '../../event-log/event-log-reader.js';
import { AppStatusStore } from '../status/app-status-store.js';

export function replayEventLog(text: string, name: string, store = new AppStatusStore()): AppStatusStore {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  for (const event of parseEventLog(complete, name)) store.apply(event);
  return store;
}
