/**
 * The context's effective configuration and where each value came from, as Spark's Environment
 * page shows it: options set in the program, then FlintContext.setSystemProperty, then `flint submit`
 * (--conf, --master, ...), then FLINT_MASTER / FLINT_MODE, then the defaults (same precedence as
 * submitted-options.ts).
 */
import type { ConfEntry, ConfSource } from '../scheduler/events.js';
import type { FlintContextOptions } from './context-options.js';
import { SPARK_RETENTION } from '../ui/status/status-retention.js';
import { SUBMITTED_SOURCES_ENV, submittedOptions, systemPropertyOptions } from './submitted-options.js';

/** The defaults of the options that have one regardless of the machine. */
export const OPTION_DEFAULTS: Readonly<Partial<Record<keyof FlintContextOptions, unknown>>> = {
  master: 'local[*]',
  appName: 'flint',
  mode: 'memory',
  maxFailures: 4,
  executorMemory: 512 * 1024 * 1024,
  maxResultSize: 1024 * 1024 * 1024,
  workerWaitMs: 30_000,
  speculation: false,
  ui: true,
  uiPort: 4040,
  uiRetainedJobs: SPARK_RETENTION.jobs,
  uiRetainedStages: SPARK_RETENTION.stages,
  uiRetainedTasks: SPARK_RETENTION.tasks,
};

const ENVIRONMENT_KEYS: Partial<Record<keyof FlintContextOptions, string>> = { master: 'FLINT_MASTER', mode: 'FLINT_MODE' };

/**
 * One entry per option with a value: `effective` holds the values the context runs with (options
 * resolved, defaults filled in), `program` the options as the program gave them.
 */
export function effectiveConf(effective: Readonly<Record<string, unknown>>, program: FlintContextOptions, env: NodeJS.ProcessEnv = process.env): ConfEntry[] {
  const submitted = submittedOptions(env);
  const submittedSources = parseSources(env[SUBMITTED_SOURCES_ENV]);
  const sourceOf = (key: string): ConfSource => {
    if (given(program, key)) return 'FlintContext option';
    if (given(systemPropertyOptions(), key)) return 'system property';
    if (given(submitted, key)) return submittedSources[key] ?? 'flint submit --conf';
    const variable = ENVIRONMENT_KEYS[key as keyof FlintContextOptions];
    if (variable && env[variable]) return 'environment';
    return 'default';
  };
  return Object.entries({ ...OPTION_DEFAULTS, ...effective })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value: typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value), source: sourceOf(key) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** flint submit's record of where each option came from; a job started otherwise has none. */
function parseSources(text: string | undefined): Record<string, ConfSource> {
  try {
    return text ? (JSON.parse(text) as Record<string, ConfSource>) : {};
  } catch {
    return {};
  }
}

function given(options: object, key: string): boolean {
  return Object.hasOwn(options, key) && (options as Record<string, unknown>)[key] !== undefined;
}
