/**
 * Loaded with `node --import` before a job that `flint submit` runs: TypeScript through tsx,
 * Flint's own packages resolvable from wherever the job file is (job-module-hooks.ts), and a job
 * that fails because no worker is left reported in one line rather than with a stack trace.
 */
import { register } from 'node:module';
import { register as registerTypeScript } from 'tsx/esm/api';

registerTypeScript();
// Registered last, so it runs first and sees what tsx and Node could not resolve.
register('./job-module-hooks.js', import.meta.url);

process.on('uncaughtExceptionMonitor', (error) => {
  if (error?.name !== 'NoWorkersError') return;
  process.stderr.write(`flint submit: ${error.message}\n`);
  process.exit(1);
});
