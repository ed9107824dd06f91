/**
 * What scripts/bundle-sql.mjs and scripts/bundle-task-thread.mjs share: esbuild's options for a
 * CommonJS file of compiled ES modules, run as a vm script with the V8 code cache made here (Node 20
 * keeps none for ES modules), and writing the files beside dist/bundle/ and renaming them into place
 * with the `built-from` file that says which .tsbuildinfo files they were made from
 * (packages/rdd/src/bundle-freshness.cts). A vm script has no import(): its lazy parts are bundled
 * in (esbuild turns their import() into a require() on first use) or left to its host.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFromText } from '../packages/rdd/dist/bundle-freshness.cjs';
import { writeCodeCache } from '../packages/sql/dist/cached-script.cjs';

/**
 * Third-party packages compiled into the bundles: pure JS that only @flint/sql imports and whose
 * objects no other package or user code checks by identity (hyparquet's decoders, fzstd). Each
 * of hyparquet's ~10 modules was otherwise resolved and compiled one by one on every task thread.
 * Every other package stays an import: @flint/rdd's classes must be the ones the other packages
 * load, users pass apache-arrow tables in, and @bokuweb/zstd-wasm reads its .wasm file beside it.
 */
export const SQL_BUNDLED_PACKAGES = /^(hyparquet|fzstd)(\/|$)/;

/**
 * Bare imports stay imports (`packages: 'external'`), but those `bundled` matches, and those
 * `aliases` names (a specifier to the file to bundle for it).
 */
export function externalPackagesBut(bundled, aliases = {}) {
  return {
    name: 'external-packages-but',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (Object.hasOwn(aliases, args.path)) return { path: aliases[args.path] };
        return bundled.test(args.path) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundles `scripts` (each { name, entry, plugins, provided }: one CommonJS file `name` with its V8
 * code cache, made by running it with `provided` answering those require()s:
 * packages/sql/src/cached-script.cts) into `dist`/bundle/, made from the .tsbuildinfo files
 * `buildInfos` names (paths from `dist`). Built beside and renamed into place, so that a process
 * starting meanwhile sees no half-written bundle.
 */
export async function bundleInto(dist, { scripts, buildInfos }) {
  const target = join(dist, 'bundle');
  const staging = join(dist, `bundle-${process.pid}`);
  const builtFrom = builtFromText(dist, buildInfos);
  for (const script of scripts) await bundleScript(join(staging, script.name), join(target, script.name), script);
  writeFileSync(join(staging, 'built-from'), builtFrom);
  if (existsSync(target)) rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
}

/**
 * One CommonJS file (a vm.Script: no chunks, no import()), whose import.meta.url is its own URL as
 * in the ES module bundle, and its code cache, made for the file at `finalPath` (bundle/).
 */
async function bundleScript(outfile, finalPath, { entry, plugins, provided }) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    plugins,
    define: { 'import.meta.url': '__bundleUrl' },
    // The directive first: the modules were strict, and esbuild's own "use strict" comes after a banner.
    banner: { js: '"use strict";\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  escapeNonAscii(outfile);
  writeCodeCache(outfile, provided, finalPath);
}

/**
 * Writes the bundle's non-ASCII characters as \u escapes. esbuild escapes them in code (its ASCII
 * charset) but not in the comments it keeps (a JSDoc's "Key \u2192 rows"): one such character made
 * V8 hold the whole source two bytes a character, and Node decoded the file from UTF-8 in 3.3 ms
 * instead of 0.8 (the SQL layer's 1.1 MB, in the driver before a query's first job).
 */
function escapeNonAscii(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
