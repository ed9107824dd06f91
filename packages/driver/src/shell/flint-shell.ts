/**
 * `flint shell`'s read-eval-print loop: Node's REPL (top-level await, history, multi-line input)
 * on this process's global scope, with `fc` and Flint's names in it, TypeScript accepted
 * (typescript-input.ts) and RDD methods completed after calls (rdd-completion.ts).
 *
 * The REPL shares the driver's global object on purpose: values typed at the prompt must be of
 * this realm, or Flint's codec would not recognise a Map, a Date or a Uint8Array made there.
 * That makes a `var` or function typed at the prompt a property of globalThis, so the
 * free-variable check is told which names came from the prompt: a function shipped to workers
 * that uses one fails as in a job file, asking for `capture`.
 */
import repl, { type REPLEval, type REPLServer } from 'node:repl';
import { inspect } from 'node:util';
import { RDD, describeRdd, setPromptScope } from '@flint/rdd';
import type { FlintContext } from '../context/flint-context.js';
import { PipedInput } from './piped-input.js';
import { withRddCompletion } from './rdd-completion.js';
import { stripTypes } from './typescript-input.js';

export interface ShellStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  terminal: boolean;
}

type Completer = (line: string, callback: (error: Error | null, result: [string[], string]) => void) => void;

/** Runs the loop until `.exit` or the end of input; `names` are put in scope (`fc`, `capture`, ...). */
export function runShell(fc: FlintContext, names: Record<string, unknown>, streams: ShellStreams): Promise<void> {
  const builtIn = new Set(Object.getOwnPropertyNames(globalThis));
  setPromptScope((name) => Object.hasOwn(globalThis, name) && !builtIn.has(name));
  const piped = streams.terminal ? undefined : new PipedInput(streams.input);
  const server: REPLServer = repl.start({
    prompt: 'flint> ',
    input: piped?.stream ?? streams.input,
    output: streams.output,
    terminal: streams.terminal,
    useGlobal: true,
    writer: (value) => describe(value, fc, streams.terminal),
  });
  // Readline calls the completer property when Tab is pressed: Node's own, wrapped.
  const completion = server as unknown as { completer: Completer };
  completion.completer = withRddCompletion(completion.completer.bind(server));
  Object.assign(server.context, names);
  acceptTypeScript(server as { eval: REPLEval });
  piped?.feed(server);
  return new Promise((resolve) => server.once('exit', () => resolve()));
}

/** Strips types before Node's own eval, which keeps its handling of top-level await and incomplete input. */
function acceptTypeScript(server: { eval: REPLEval }): void {
  const evaluate = server.eval;
  server.eval = function (this: REPLServer, code, context, file, callback) {
    const stripped = stripTypes(code);
    if (stripped.ok) return evaluate.call(this, stripped.code, context, file, callback);
    // esbuild cannot read it: unfinished input (Node's eval says so, and the REPL asks for the
    // next line) or a mistake, which esbuild's message describes best.
    evaluate.call(this, code, context, file, (error, result) => {
      if (error && !(error instanceof repl.Recoverable)) return callback(new SyntaxError(stripped.error), undefined);
      callback(error, result);
    });
  };
}

/** RDDs and the context print as one line (`MapPartitionsRDD[3] map []`), as spark-shell prints them. */
function describe(value: unknown, fc: FlintContext, colors: boolean): string {
  if (value instanceof Error) return describeError(value);
  if (value instanceof RDD) return describeRdd(value);
  if (value instanceof Promise) return 'Promise { … } (write await before an action to get its result)';
  if (value === fc) return `FlintContext(master = ${fc.master}, app id = ${fc.applicationId})`;
  return inspect(value, { colors, depth: 4 });
}

/**
 * An error as its message and the frames typed at the prompt (`at REPL3:1:24`): Flint's own
 * frames say nothing to the person at the prompt, and a failed job's message already holds the
 * task's error.
 */
function describeError(error: Error): string {
  const lines = (error.stack ?? `${error.name}: ${error.message}`).split('\n');
  const firstFrame = lines.findIndex((line) => /^\s+at /.test(line));
  if (firstFrame < 0) return lines.join('\n');
  const promptFrames = lines.slice(firstFrame).filter((line) => /\bREPL\d+:\d+:\d+/.test(line));
  return [...lines.slice(0, firstFrame), ...promptFrames].join('\n');
}
