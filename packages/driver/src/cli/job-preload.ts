/**
 * Loaded with `node --import` before a job that `flint submit` runs: TypeScript through tsx, and
 * Flint's own packages resolvable from wherever the job file is (job-module-hooks.ts).
 */
import { register } from 'node:module';
import { register as registerTypeScript } from 'tsx/esm/api';

registerTypeScript();
// Registered last, so it runs first and sees what tsx and Node could not resolve.
register('./job-module-hooks.js', import.meta.url);
