/**
 * Runs a CommonJS bundle with a V8 code cache made for it at build time (scripts/bundle-common.mjs),
 * so that V8 reads the bundle's compiled functions instead of parsing and compiling them again in
 * every process. Node 20 keeps no code cache for ES modules (module.enableCompileCache is Node 22's),
 * hence a CommonJS file run as a vm.Script, which takes one. The cache is written after the bundle's
 * top level has run, so it holds the functions that compiled too.
 *
 * The cache file (`<bundle>.cache`) is the bundle's path and a line break, the bundle's bytes, then
 * V8's data. It is used only when the bundle is that file with those bytes: V8 itself checks only the
 * source's length (and its own version and flags, rejecting a cache made by another Node, and then
 * compiling as usual), and a function read from the cache names the path it was compiled at in stack
 * traces. Comparing the bytes costs a read and a memcmp; a SHA-256 of them cost every task thread
 * node:crypto's ~20 internal modules (1.3-2.3 ms) and 0.5 ms per bundle.
 */
import { channel } from 'node:diagnostics_channel';
import { readFileSync, writeFileSync } from 'node:fs';
import { Module, createRequire, wrap } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Says `{ file }` as each bundle starts to run: what a module log sees of a file no module loader loads. */
export const CACHED_SCRIPT_RUNS = channel('flint:cached-script');

/** What `require(specifier)` in the bundle answers instead of loading the package (a vm script has no import()). */
export type ProvidedModules = Readonly<Record<string, unknown>>;

export interface CachedScriptRun {
  readonly exports: unknown;
  /** Whether V8 compiled the bundle from its cache. */
  readonly cacheUsed: boolean;
}

export function codeCacheFile(bundle: string): string {
  return `${bundle}.cache`;
}

/**
 * Runs `bundle` (a CommonJS file) as require() would, with its code cache when it matches. Under
 * --enable-source-maps it is compiled by the module loader instead, without the cache: Node maps
 * stack positions (through the bundle's map to src/*.ts) only in files its loader compiled.
 */
export function runCachedScript(bundle: string, provided: ProvidedModules = {}): CachedScriptRun {
  const bytes = readFileSync(bundle);
  if (CACHED_SCRIPT_RUNS.hasSubscribers) CACHED_SCRIPT_RUNS.publish({ file: bundle });
  if (process.sourceMapsEnabled) return { exports: compileAsModule(bundle, bytes, provided), cacheUsed: false };
  const cachedData = matchingCache(bundle, bytes);
  const script = compile(bundle, bytes, cachedData);
  return { exports: run(script, bundle, provided), cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Runs `bundle` once as the file `at` (where it will be), then writes its code cache beside it. */
export function writeCodeCache(bundle: string, provided: ProvidedModules = {}, at = bundle): void {
  const bytes = readFileSync(bundle);
  const script = compile(at, bytes, undefined);
  run(script, at, provided);
  writeFileSync(codeCacheFile(bundle), Buffer.concat([pathLine(at), bytes, script.createCachedData()]));
}

function matchingCache(bundle: string, bytes: Buffer): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(codeCacheFile(bundle));
  } catch {
    return undefined;
  }
  const path = pathLine(bundle);
  const dataStart = path.length + bytes.length;
  const madeForBundle = cache.length > dataStart && cache.subarray(0, path.length).equals(path) && cache.subarray(path.length, dataStart).equals(bytes);
  return madeForBundle ? cache.subarray(dataStart) : undefined;
}

function compile(bundle: string, bytes: Buffer, cachedData: Buffer | undefined): Script {
  return new Script(wrap(bytes.toString('utf8')), { filename: bundle, cachedData });
}

function compileAsModule(bundle: string, bytes: Buffer, provided: ProvidedModules): unknown {
  const module = new Module(bundle) as Module & { _compile(content: string, filename: string): void };
  module.filename = bundle;
  module.require = providing(bundle, provided);
  module._compile(bytes.toString('utf8'), bundle);
  return module.exports;
}

/** require() for the bundle: `provided`'s modules, else as from the bundle's own path. */
function providing(bundle: string, provided: ProvidedModules): NodeJS.Require {
  const load = createRequire(bundle);
  return Object.assign((specifier: string) => (Object.hasOwn(provided, specifier) ? provided[specifier] : load(specifier)), load);
}

function run(script: Script, bundle: string, provided: ProvidedModules): unknown {
  const require = providing(bundle, provided);
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, bundle, dirname(bundle));
  return module.exports;
}

function pathLine(path: string): Buffer {
  return Buffer.from(`${path}\n`);
}
