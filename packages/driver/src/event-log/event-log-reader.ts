/**
 * Reads event logs back (the history server, tests): each line one SchedulerEvent. A log that
 * is not one — a line that is not JSON, or not an event — is refused with the file and line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SchedulerEvent } from '../scheduler/events.js';
import { IN_PROGRESS_SUFFIX } from './log-files.js';

/** The events of one local event log file. */
export function readEventLog(path: string): SchedulerEvent[] {
  return parseEventLog(readFileSync(path, 'utf8'), path);
}

export function parseEventLog(text: string, name: string): SchedulerEvent[] {
  const events: SchedulerEvent[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${index + 1}: not an event log line (not JSON): ${line.slice(0, 60)}`);
    }
    if (typeof event !== 'object' || event === null || typeof (event as SchedulerEvent).type !== 'string' || typeof (event as SchedulerEvent).time !== 'number') {
      throw new Error(`${name}:${index + 1}: not a scheduler event (no type and time): ${line.slice(0, 60)}`);
    }
    events.push(event as SchedulerEvent);
  });
  return events;
}

/** The event logs in a local directory: finished ones, and those still in progress. */
export function listEventLogs(dir: string): { readonly path: string; readonly appId: string; readonly inProgress: boolean }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const inProgress = entry.name.endsWith(IN_PROGRESS_SUFFIX);
      return { path: join(dir, entry.name), appId: inProgress ? entry.name.slice(0, -IN_PROGRESS_SUFFIX.length) : entry.name, inProgress };
    });
}
