/**
 * What `flint submit` prints when a job ends on an error it did not catch: one line with the
 * error's name, the first line of its message and where in the job file it came from, instead of
 * Node's dump of the source line, the stack and the error's fields.
 */
import { basename } from 'node:path';

/** Frames enough to reach the job's own line under Flint's analyzer or scheduler calls. */
export const JOB_STACK_FRAMES = 50;

export function jobErrorLine(error: unknown, jobFile: string): string {
  if (!(error instanceof Error)) return `flint submit: uncaught ${typeof error === 'string' ? JSON.stringify(error) : String(error)}`;
  const firstLine = error.message.split('\n')[0];
  // Its message already says what to do; NoWorkersError is a Flint condition, not a bug in the job.
  if (error.name === 'NoWorkersError') return `flint submit: ${firstLine}`;
  // A failed job's message holds its task's frames, placed in the job's file; the stack may not.
  const where = jobFrame(`${error.message}\n${error.stack ?? ''}`, basename(jobFile));
  return `flint submit: ${error.name}: ${firstLine}${where ? ` (at ${where})` : ''}`;
}

/**
 * `job.ts:line:column` of the first frame in the job file: its own code, or a shipped function's
 * task frame; else the call that shipped the function (`flint-fn:map_at_job.ts:3:39:...`), when
 * the task frame could not be placed.
 */
function jobFrame(text: string, jobName: string): string | undefined {
  const name = jobName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[/(\\s])${name}:(\\d+):(\\d+)`, 'm').exec(text) ?? new RegExp(`flint-fn:\\w+_at_${name}:(\\d+):(\\d+)`).exec(text);
  return match ? `${jobName}:${match[1]}:${match[2]}` : undefined;
}
