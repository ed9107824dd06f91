/**
 * Loaded with `node --import` before a job that `flint submit` runs: TypeScript through tsx,
 * Flint's own packages resolvable from wherever the job file is (job-module-hooks.ts), and an
 * error the job does not catch reported in one line rather than with a stack trace
 * (job-error-line.ts).
 */
import { register } from 'node:module';
import { register as registerTypeScript } from 'tsx/esm/api';
import { JOB_STACK_FRAMES, jobErrorLine } from './job-error-line.js';

registerTypeScript();
// Registered last, so it runs first and sees what tsx and Node could not resolve.
register('./job-module-hooks.js', import.meta.url);

Error.stackTraceLimit = Math.max(Error.stackTraceLimit, JOB_STACK_FRAMES);
process.on('uncaughtExceptionMonitor', (error) => {
  process.stderr.write(`${jobErrorLine(error, process.argv[1] ?? '')}\n`);
  process.exit(1);
});
