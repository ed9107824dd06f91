/**
 * FlintContext options given from outside the program, as spark-submit hands SparkConf entries to
 * an application: `flint submit --conf key=value` (and --master, --name, --mode,
 * --executor-memory, --properties-file) reach FlintContext.create() through the FLINT_CONF
 * environment variable. Precedence, as in Spark: options set in the program's code, then
 * FlintContext.setSystemProperty, then FLINT_CONF, then FLINT_MASTER / FLINT_MODE, then the defaults.
 */
import { parseByteSize } from '@flint/dfs/flags';
import type { FlintContextOptions } from './context-options.js';
import { parseMaster } from './master-url.js';

export const SUBMITTED_OPTIONS_ENV = 'FLINT_CONF';
/** Where each submitted option came from (the properties file, --conf or a flag), for the configuration's report. */
export const SUBMITTED_SOURCES_ENV = 'FLINT_CONF_SOURCES';

function countOption(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`must be a non-negative integer, got '${value}'`);
  return n;
}

function booleanOption(value: string): boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`must be true or false, got '${value}'`);
}

/** One parser per context option: the `satisfies` makes a new option without a parser a type error. */
const PARSERS = {
  master: (value: string) => (parseMaster(value), value),
  appName: (value: string) => value,
  mode: (value: string) => {
    if (value !== 'memory' && value !== 'mapreduce') throw new Error(`must be memory or mapreduce, got '${value}'`);
    return value;
  },
  maxFailures: (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`must be a positive integer, got '${value}'`);
    return n;
  },
  executorMemory: (value: string) => {
    const bytes = parseByteSize(value);
    if (!bytes) throw new Error(`must be a positive size in bytes or with a k/m/g suffix (e.g. 2g), got '${value}'`);
    return bytes;
  },
  workerWaitMs: (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`must be a number of milliseconds, got '${value}'`);
    return n;
  },
  taskTimeoutMs: (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`must be a positive number of milliseconds, got '${value}'`);
    return n;
  },
  maxResultSize: (value: string) => {
    const bytes = parseByteSize(value);
    if (bytes === undefined) throw new Error(`must be a size in bytes or with a k/m/g suffix (e.g. 1g), or 0 for no limit, got '${value}'`);
    return bytes;
  },
  threadHeap: (value: string) => {
    const bytes = parseByteSize(value);
    if (!bytes || bytes < 16 * 1024 * 1024) throw new Error(`must be a size of at least 16m (e.g. 512m), got '${value}'`);
    return bytes;
  },
  speculation: booleanOption,
  ui: booleanOption,
  uiPort: (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0 || n > 65535) throw new Error(`must be a port number (0 for any free port), got '${value}'`);
    return n;
  },
  uiRetainedJobs: countOption,
  uiRetainedStages: countOption,
  uiRetainedTasks: countOption,
  progress: booleanOption,
  eventLog: (value: string) => {
    if (value.trim() === '') throw new Error('must be a directory (a path or dfs:// URL)');
    return value;
  },
  executorEnv: (value: string) => {
    const env = JSON.parse(value) as unknown;
    if (typeof env !== 'object' || env === null || Array.isArray(env) || !Object.values(env).every((v) => typeof v === 'string')) {
      throw new Error(`must be a JSON object of strings (or spark.executorEnv.NAME=value), got '${value}'`);
    }
    return env as Record<string, string>;
  },
  profile: booleanOption,
  profileDump: (value: string) => {
    if (value.trim() === '') throw new Error('must be a directory');
    return value;
  },
} satisfies { [K in keyof FlintContextOptions]-?: (value: string) => FlintContextOptions[K] };

type OptionKey = keyof typeof PARSERS;

/** Spark's property names for options that have one (`--conf flint.ui.enabled=false`). */
const PROPERTY_NAMES: Record<string, OptionKey> = {
  'flint.ui.enabled': 'ui',
  'spark.ui.enabled': 'ui',
  'flint.ui.port': 'uiPort',
  'spark.ui.port': 'uiPort',
  'flint.ui.retainedJobs': 'uiRetainedJobs',
  'spark.ui.retainedJobs': 'uiRetainedJobs',
  'flint.ui.retainedStages': 'uiRetainedStages',
  'spark.ui.retainedStages': 'uiRetainedStages',
  'flint.ui.retainedTasks': 'uiRetainedTasks',
  'spark.ui.retainedTasks': 'uiRetainedTasks',
  'flint.eventLog.dir': 'eventLog',
  'spark.eventLog.dir': 'eventLog',
  'flint.ui.showConsoleProgress': 'progress',
  'spark.ui.showConsoleProgress': 'progress',
  'spark.python.profile': 'profile',
  'spark.python.profile.dump': 'profileDump',
};

/** Options whose property takes Spark's time strings (`60s`, `5min`, `500ms`; a bare number is seconds), in milliseconds. */
const TIME_PROPERTIES: Record<string, OptionKey> = {
  'flint.task.timeout': 'taskTimeoutMs',
};

const TIME_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

function timeStringMs(value: string): string {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$/i.exec(value);
  if (!match) throw new Error(`must be a time such as 60s, 5min or 500ms, got '${value}'`);
  return String(Math.round(Number(match[1]) * TIME_UNITS_MS[(match[2] ?? 's').toLowerCase()]!));
}

export const OPTION_KEYS = Object.keys(PARSERS) as OptionKey[];

/** Spark's per-variable keys of the executors' environment: `spark.executorEnv.NAME=value`. */
const EXECUTOR_ENV_PREFIX = 'spark.executorEnv.';

/** Parses one `key=value` entry; the error names the key and says what it expects. */
export function parseOption(name: string, value: string): Partial<FlintContextOptions> {
  if (name.startsWith(EXECUTOR_ENV_PREFIX) && name.length > EXECUTOR_ENV_PREFIX.length) return { executorEnv: { [name.slice(EXECUTOR_ENV_PREFIX.length)]: value } };
  if (Object.hasOwn(TIME_PROPERTIES, name)) {
    try {
      return { [TIME_PROPERTIES[name]!]: PARSERS[TIME_PROPERTIES[name]!](timeStringMs(value)) };
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
  }
  const key = Object.hasOwn(PROPERTY_NAMES, name) ? PROPERTY_NAMES[name] : name;
  if (!Object.hasOwn(PARSERS, key)) throw new Error(`unknown option '${key}' (known: ${OPTION_KEYS.join(', ')})`);
  try {
    return { [key]: PARSERS[key as OptionKey](value) };
  } catch (error) {
    throw new Error(`${key}: ${(error as Error).message}`);
  }
}

/** The options handed over in the environment, parsed and checked. */
export function submittedOptions(env: NodeJS.ProcessEnv = process.env): Partial<FlintContextOptions> {
  const text = env[SUBMITTED_OPTIONS_ENV];
  if (text === undefined || text === '') return {};
  let entries: Record<string, string>;
  try {
    entries = JSON.parse(text) as Record<string, string>;
  } catch {
    throw new Error(`${SUBMITTED_OPTIONS_ENV} must be a JSON object of option strings, got ${text.slice(0, 60)}`);
  }
  try {
    return Object.entries(entries).map(([key, value]) => parseOption(key, String(value))).reduce(mergeOptions, {});
  } catch (error) {
    throw new Error(`${SUBMITTED_OPTIONS_ENV}: ${(error as Error).message}`);
  }
}

/** Options set with FlintContext.setSystemProperty, for every context the process creates afterwards. */
let systemProperties: Partial<FlintContextOptions> = {};

/** Checks and keeps one option, as Spark's setSystemProperty sets a JVM system property that SparkConf reads. */
export function setSystemProperty(key: string, value: string): void {
  if (typeof key !== 'string' || typeof value !== 'string') throw new TypeError('setSystemProperty(key, value) takes two strings');
  systemProperties = mergeOptions(systemProperties, parseOption(key, value));
}

/** The options set with setSystemProperty so far. */
export function systemPropertyOptions(): Partial<FlintContextOptions> {
  return systemProperties;
}

/**
 * The program's own options over those set with setSystemProperty, over the submitted ones
 * (flint submit sets Spark's system properties before the program runs; the program's calls
 * come later and win). An option given as undefined counts as not given.
 */
export function withSubmittedOptions(options: FlintContextOptions, env: NodeJS.ProcessEnv = process.env): FlintContextOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  for (const [key, value] of Object.entries(given)) checkGivenValue(key, value);
  return [submittedOptions(env), systemProperties, given].reduce(mergeOptions, {});
}

/** An option given in code is checked as its --conf form is: a bad value fails with one line naming it. */
function checkGivenValue(key: string, value: unknown): void {
  if (!Object.hasOwn(PARSERS, key) || !['number', 'string', 'boolean'].includes(typeof value)) return;
  try {
    PARSERS[key as OptionKey](String(value));
  } catch (error) {
    throw new Error(`FlintContext option ${key} ${(error as Error).message}`);
  }
}

/** `later` over `earlier`, the executors' environment variable by variable (each layer may set some). */
function mergeOptions(earlier: Partial<FlintContextOptions>, later: Partial<FlintContextOptions>): Partial<FlintContextOptions> {
  const executorEnv = earlier.executorEnv && later.executorEnv ? { ...earlier.executorEnv, ...later.executorEnv } : (later.executorEnv ?? earlier.executorEnv);
  return { ...earlier, ...later, ...(executorEnv && { executorEnv }) };
}
