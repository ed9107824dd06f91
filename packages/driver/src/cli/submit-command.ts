/**
 * `flint submit JOB [options] [-- job arguments]`: runs a TypeScript or JavaScript job file, from
 * anywhere on disk, in a node process of its own with Flint's packages resolvable
 * (job-preload.ts). Its FlintContext gets the command's options through FLINT_CONF
 * (submitted-options.ts). The job's exit code is the command's.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, UsageError } from '@flint/dfs';
import { useSecretFile, useTlsFiles } from '@flint/net';
import { OPTION_KEYS, parseOption, SUBMITTED_OPTIONS_ENV, SUBMITTED_SOURCES_ENV } from '../context/submitted-options.js';
import type { ConfSource } from '../scheduler/events.js';

export const SUBMIT_USAGE = `usage: flint submit JOB [options] [-- job arguments]
  Runs JOB (.ts, .js or .mjs, anywhere on disk) with its FlintContext configured by:
  --master URL             local, local[N], local[*], local-cluster[W,T] or flint://HOST:PORT
  --mode MODE              memory (default) or mapreduce
  --name NAME              the application name
  --executor-memory SIZE   memory of each executor for cached partitions and shuffle buckets,
                           e.g. 512m or 2g (local and local-cluster masters)
  --conf KEY=VALUE         any context option (repeatable): ${OPTION_KEYS.join(', ')}
  --properties-file FILE   options as KEY VALUE (or KEY=VALUE) lines; # starts a comment
  --quiet                  no console progress bar (progress=false)
  --secret-file FILE       the cluster secret (mode 0600) for a flint:// master; FLINT_SECRET also sets it
  --tls-ca FILE            the CA of a flint:// cluster on TLS (FLINT_TLS_CA also sets it)
  Options set in the job's code win over these, as in spark-submit; --conf wins over the file.`;

const SUBMIT_COMMAND = {
  usage: SUBMIT_USAGE,
  options: {
    master: { type: 'string' },
    mode: { type: 'string' },
    name: { type: 'string' },
    'executor-memory': { type: 'string' },
    conf: { type: 'string', multiple: true },
    'properties-file': { type: 'string' },
    quiet: { type: 'boolean' },
    'secret-file': { type: 'string' },
    'tls-ca': { type: 'string' },
  },
  args: { min: 1, max: 1 },
} as const;

const JOB_PRELOAD = fileURLToPath(new URL('./job-preload.js', import.meta.url));

/** Checks the command line (a UsageError if it does not fit) and runs the job. */
export function runSubmitCommand(argv: string[]): Promise<number> {
  const separator = argv.indexOf('--');
  const own = separator < 0 ? argv : argv.slice(0, separator);
  const jobArgs = separator < 0 ? [] : argv.slice(separator + 1);
  const { values, positionals } = parseCommandLine(own, SUBMIT_COMMAND);
  const job = resolve(positionals[0]);
  if (!existsSync(job)) throw new UsageError(`job file not found: ${job}`);
  if (!statSync(job).isFile()) throw new UsageError(`not a job file: ${job}`);
  // Later entries win: the file, then --conf, then the flags.
  const entries: [string, string, ConfSource][] = [
    ...(values['properties-file'] === undefined ? [] : propertiesFile(values['properties-file'])).map(from('properties file')),
    ...(values.conf ?? []).map(confEntry).map(from('flint submit --conf')),
    ...flagEntries({ master: values.master, mode: values.mode, appName: values.name, executorMemory: values['executor-memory'], progress: values.quiet ? 'false' : undefined }).map(from('flint submit flag')),
  ];
  const sources: Record<string, ConfSource> = {};
  for (const [key, value, source] of entries) {
    try {
      for (const option of Object.keys(parseOption(key, value))) sources[option] = source;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  // The secret and the CA's path reach the job through its environment (FLINT_SECRET, FLINT_TLS_CA), never its command line.
  if (values['secret-file'] !== undefined) useSecretFile(values['secret-file']);
  useTlsFiles({ ca: values['tls-ca'] });
  return runJob(job, jobArgs, Object.fromEntries(entries.map(([key, value]) => [key, value])), sources);
}

function from(source: ConfSource): (entry: [string, string]) => [string, string, ConfSource] {
  return ([key, value]) => [key, value, source];
}

function runJob(job: string, jobArgs: string[], options: Record<string, string>, sources: Record<string, ConfSource>): Promise<number> {
  const child = spawn(process.execPath, ['--import', JOB_PRELOAD, job, ...jobArgs], {
    stdio: 'inherit',
    env: { ...process.env, [SUBMITTED_OPTIONS_ENV]: JSON.stringify(options), [SUBMITTED_SOURCES_ENV]: JSON.stringify(sources) },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  // A job ended by a signal exits as a shell reports it: 128 + the signal's number (Ctrl-C: 130).
  return new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 128 + constants.signals[signal] : 0))));
}

function confEntry(text: string): [string, string] {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new UsageError(`--conf needs KEY=VALUE, got '${text}'`);
  return [text.slice(0, equals).trim(), text.slice(equals + 1).trim()];
}

function flagEntries(flags: Record<string, string | undefined>): [string, string][] {
  return Object.entries(flags).filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** Spark's properties-file format: `key value` or `key=value` per line, `#` comments. */
function propertiesFile(path: string): [string, string][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`properties file not found: ${resolve(path)}`);
  }
  const entries: [string, string][] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([^\s=]+)\s*[=\s]\s*(.*)$/.exec(line);
    if (!match) throw new UsageError(`${path}: line ${index + 1} is not KEY VALUE: '${line}'`);
    entries.push([match[1], match[2]]);
  });
  return entries;
}
