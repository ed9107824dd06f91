/**
 * The one command-line parser of every `flint` command, on top of util.parseArgs: each command
 * declares its options, how many arguments it takes and its help text; `--help`/`-h` and
 * `--version` work on all of them; a command line that does not fit is a UsageError (one line on
 * stderr, exit code 2), a command that fails is one line with exit code 1.
 */
import { createRequire } from 'node:module';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const FLINT_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** A command line that does not fit the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--help` or `--version` was asked for: the text goes to stdout and the command exits 0. */
export class HelpOrVersion extends Error {
  override name = 'HelpOrVersion';
  constructor(readonly text: string) {
    super(text);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

const STANDARD_OPTIONS = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } } as const;

export interface CommandSpec<O extends Options> {
  /** The help text; its first line is `usage: flint ...`. */
  readonly usage: string;
  readonly options: O;
  /** How many positional arguments the command takes (default: none). */
  readonly args?: { readonly min: number; readonly max: number };
}

type OptionValue<D> = D extends { type: 'boolean' } ? (D extends { multiple: true } ? boolean[] : boolean) : D extends { multiple: true } ? string[] : string;

export interface ParsedCommandLine<O extends Options> {
  readonly values: { [K in keyof O]?: OptionValue<O[K]> };
  readonly positionals: string[];
}

export function parseCommandLine<const O extends Options>(argv: string[], spec: CommandSpec<O>): ParsedCommandLine<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { ...spec.options, ...STANDARD_OPTIONS }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
  if (parsed.values.help) throw new HelpOrVersion(spec.usage);
  if (parsed.values.version) throw new HelpOrVersion(`flint ${FLINT_VERSION}`);
  const { min, max } = spec.args ?? { min: 0, max: 0 };
  const count = parsed.positionals.length;
  if (count > max) throw new UsageError(`unexpected argument '${parsed.positionals[max]}'`);
  if (count < min) throw new UsageError(`expected ${min === max ? min : `at least ${min}`} argument${min === 1 ? '' : 's'}, got ${count}`);
  return parsed as ParsedCommandLine<O>;
}

/** parseArgs' messages, shortened to one line. */
function parseArgsMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('ambiguous') || message.includes('missing')
        ? `option '${option}' needs a value (write ${option}=VALUE for a value starting with '-')`
        : `option '${option}' takes no value`;
    default:
      return message.split('\n')[0];
  }
}

/** Prints what a command ended with and gives its exit code: 0 help/version, 2 usage error, 1 failure. */
/** `command` is what follows `flint` ('dfs put'), or '' for flint itself. */
export function reportCommandEnd(command: string, error: unknown, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): number {
  if (error instanceof HelpOrVersion) {
    io.stdout.write(`${error.text}\n`);
    return 0;
  }
  const message = error instanceof Error ? error.message : String(error);
  const name = command === '' ? 'flint' : `flint ${command}`;
  if (error instanceof UsageError) {
    io.stderr.write(`${name}: ${message} (see '${name} --help')\n`);
    return 2;
  }
  io.stderr.write(`${name}: ${message}\n`);
  return 1;
}
