/**
 * Where each shipped function was written, so a stack frame of its compiled copy on a worker —
 * `flint-fn:map_at_job.ts:3:55:4:14`, a position in the text the worker compiled — can be shown
 * at the user's own file, line and column as their editor shows them (`job.ts:4:12`), through the
 * file's source map when tsx compiled it from TypeScript.
 *
 * The driver records, per compiled source, where each function's text sits in it, and asks where
 * that function starts in its script only when a frame in it is to be placed: V8 knows it
 * ([[FunctionLocation]]) and an in-process inspector session asks it synchronously, but the first
 * ask enables the debugger, which replays every loaded script (~100 ms of a program's start-up when
 * it was asked for each function shipped). A frame that cannot be placed keeps its flint-fn form,
 * which still names the transformation and its call site.
 */
import { Session } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExpressionAt } from './acorn-parser.js';

/** The name a compiled function's code has in stack traces: `flint-fn:map_at_job.ts:12:4`. */
export function shippedSourceUrl(site: string): string {
  return `flint-fn:${site.replace(/\s+/g, '_')}`;
}

/** The worker compiles `return <source>` as the body of `function anonymous(__name\n) {\n`. */
const BODY_FIRST_LINE = 3;
const BODY_PREFIX = 'return '.length;

interface Shipped {
  /** Offset of the function's text in the compiled source. */
  readonly start: number;
  readonly text: string;
  /**
   * Held strongly (as the sources are, up to MAX_SOURCES): a job's plan keeps only the function's
   * text, so a weak reference was often collected before its task failed and the frame stayed unplaced.
   */
  readonly fn: Function;
}

interface Written {
  readonly scriptUrl: string;
  /** 0-based line and column of the start of the function's text in its script. */
  readonly line: number;
  readonly column: number;
}

const MAX_SOURCES = 2_000;
const placedBySourceUrl = new Map<string, { source: string; functions: Shipped[] }>();

/** Remembers that `fns` (whose texts appear in `source`, compiled under `site`) were shipped. */
export function recordOrigins(site: string, source: string, fns: readonly Function[]): void {
  const functions: Shipped[] = [];
  for (const fn of fns) {
    const text = Function.prototype.toString.call(fn);
    const start = source.indexOf(text);
    if (start >= 0) functions.push({ start, text, fn });
  }
  const name = shippedSourceUrl(site);
  placedBySourceUrl.delete(name);
  if (functions.length === 0) return;
  if (placedBySourceUrl.size >= MAX_SOURCES) placedBySourceUrl.delete(placedBySourceUrl.keys().next().value!);
  placedBySourceUrl.set(name, { source, functions });
}

/** Where each function was written, asked of V8 once per function (an iterative job ships the same one every iteration). */
const written = new WeakMap<Function, Written | null>();

function whereWritten(fn: Function, text: string): Written | undefined {
  let place = written.get(fn);
  if (place === undefined) {
    const location = functionLocation(fn);
    const offset = location && locationOffset(text);
    place = location && offset !== undefined && offset <= location.column ? { ...location, column: location.column - offset } : null;
    written.set(fn, place);
  }
  return place ?? undefined;
}

/**
 * Where in a function's text V8's [[FunctionLocation]] points: the text's start for an arrow
 * function, its parameter list's `(` for any other (`function f(`, a method's `m(`).
 */
function locationOffset(text: string): number | undefined {
  let arrow = false;
  try {
    arrow = parseExpressionAt(`(${text})`, 0, { ecmaVersion: 'latest' }).type === 'ArrowFunctionExpression';
  } catch {
    // Method shorthand parses only inside an object literal: not an arrow function.
  }
  const offset = arrow ? 0 : text.indexOf('(');
  return offset >= 0 && !text.slice(0, offset).includes('\n') ? offset : undefined;
}

/** A task's stack with every frame of a shipped function placed in the user's file. */
export function placeShippedFrames(stack: string): string {
  return stack.replace(/(flint-fn:\S+?):(\d+):(\d+)(?=\)?$)/gm, (frame, name: string, line: string, column: string) => {
    return placeFrame(name, Number(line), Number(column)) ?? frame;
  });
}

function placeFrame(name: string, line: number, column: number): string | undefined {
  const compiled = placedBySourceUrl.get(name);
  if (!compiled) return undefined;
  const lines = compiled.source.split('\n');
  const sourceLine = line - BODY_FIRST_LINE;
  if (sourceLine < 0 || sourceLine >= lines.length) return undefined;
  const offset = lines.slice(0, sourceLine).reduce((sum, text) => sum + text.length + 1, 0) + column - 1 - (sourceLine === 0 ? BODY_PREFIX : 0);
  const shipped = compiled.functions.find((f) => offset >= f.start && offset < f.start + f.text.length);
  const fn = shipped?.fn;
  const place = fn && whereWritten(fn, shipped!.text);
  if (!place) return undefined;
  const before = shipped!.text.slice(0, offset - shipped!.start).split('\n');
  const generatedLine = place.line + before.length - 1;
  const generatedColumn = before.length === 1 ? place.column + before[0].length : before.at(-1)!.length;
  return originalPosition(place.scriptUrl, generatedLine, generatedColumn);
}

/** `file:line:col` (1-based) in the user's own source, through the script's source map if it has one. */
function originalPosition(scriptUrl: string, line: number, column: number): string | undefined {
  const path = scriptUrl.startsWith('file:') ? fileURLToPath(scriptUrl) : scriptUrl;
  const entry = findSourceMap(path)?.findEntry(line, column);
  const mapped = entry && 'originalSource' in entry ? entry : undefined;
  const file = mapped ? (mapped.originalSource.startsWith('file:') ? fileURLToPath(mapped.originalSource) : mapped.originalSource) : path;
  const shown = file.startsWith(`${process.cwd()}/`) ? relative(process.cwd(), file) : file;
  return mapped ? `${shown}:${mapped.originalLine + 1}:${mapped.originalColumn + 1}` : `${shown}:${line + 1}:${column + 1}`;
}

// ---- V8's function locations, through the inspector --------------------------------------------

let session: Session | undefined;
const scriptUrls = new Map<string, string>();

function functionLocation(fn: Function): { scriptUrl: string; line: number; column: number } | undefined {
  try {
    session ??= connectedSession();
    const location = internalLocation(session, fn);
    if (!location) return undefined;
    const scriptUrl = scriptUrls.get(location.scriptId) ?? refreshScriptUrls(session).get(location.scriptId);
    return scriptUrl ? { scriptUrl, line: location.lineNumber, column: location.columnNumber } : undefined;
  } catch {
    return undefined;
  }
}

function connectedSession(): Session {
  const created = new Session();
  created.connect();
  created.on('Debugger.scriptParsed', ({ params }) => {
    if (params.url) scriptUrls.set(params.scriptId, params.url);
  });
  return created;
}

/** In-process inspector calls answer synchronously: the callback has run when post() returns. */
function post<T>(target: Session, method: string, params?: object): T {
  let answer: { error: Error | null; result?: T } | undefined;
  target.post(method, params, (error: Error | null, result?: object) => (answer = { error, result: result as T }));
  if (!answer) throw new Error(`inspector ${method} did not answer synchronously`);
  if (answer.error) throw answer.error;
  return answer.result as T;
}

interface Location {
  scriptId: string;
  lineNumber: number;
  columnNumber: number;
}

function internalLocation(target: Session, fn: Function): Location | undefined {
  const holder = globalThis as { __flintFunctionOrigin?: Function };
  holder.__flintFunctionOrigin = fn;
  try {
    const { result } = post<{ result: { objectId?: string } }>(target, 'Runtime.evaluate', { expression: 'globalThis.__flintFunctionOrigin' });
    if (!result.objectId) return undefined;
    const properties = post<{ internalProperties?: { name: string; value?: { value?: Location } }[] }>(target, 'Runtime.getProperties', {
      objectId: result.objectId,
      ownProperties: true,
    });
    post(target, 'Runtime.releaseObject', { objectId: result.objectId });
    return properties.internalProperties?.find((p) => p.name === '[[FunctionLocation]]')?.value?.value;
  } finally {
    delete holder.__flintFunctionOrigin;
  }
}

/** Script URLs come from the debugger's scriptParsed events, which enabling it replays for every loaded script. */
function refreshScriptUrls(target: Session): Map<string, string> {
  post(target, 'Debugger.enable');
  post(target, 'Debugger.disable');
  return scriptUrls;
}
