/**
 * What scripts/bundle-sql.mjs and scripts/bundle-task-thread.mjs share: esbuild's options for a
 * bundle of compiled ES modules or for one CommonJS file with its V8 code cache, and writing it
 * beside dist/bundle/ and renaming it into place with the `built-from` file that says which
 * .tsbuildinfo files it was made from (packages/sql/src/bundle-freshness.cts).
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFromText } from '../packages/sql/dist/bundle-freshness.cjs';
import { writeCodeCache } from '../packages/sql/dist/cached-script.cjs';

/**
 * tsx's loader (`tsx job.ts`) rewrites every file holding an import(), with a source map, and took
 * 0.9 s and 160 MB to load one 570 KB chunk that held one: each module holding an import() is an
 * entry point too (a small chunk of its own), and a larger chunk holding one is reported.
 */
const LARGE_CHUNK = 20_000;

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
 * Bundles `modules` ({ entryPoints, plugins }: ES modules sharing chunks) and `script` ({ name,
 * entry, plugins, provided }: one CommonJS file `name` with its V8 code cache, made by running it
 * with `provided` answering those require()s: packages/sql/src/cached-script.cts), each if given,
 * into `dist`/bundle/, made from the .tsbuildinfo files `buildInfos` names (paths from `dist`).
 * Built beside and renamed into place, so that a process starting meanwhile sees no half-written bundle.
 */
export async function bundleInto(dist, { modules, script, buildInfos }) {
  const target = join(dist, 'bundle');
  const staging = join(dist, `bundle-${process.pid}`);
  const builtFrom = builtFromText(dist, buildInfos);
  if (modules) await bundleModules(staging, modules);
  if (script) await bundleScript(join(staging, script.name), join(target, script.name), script);
  writeFileSync(join(staging, 'built-from'), builtFrom);
  if (existsSync(target)) rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
}

async function bundleModules(outdir, { entryPoints, plugins }) {
  const { metafile } = await build({
    entryPoints,
    entryNames: '[dir]/[name]',
    metafile: true,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins,
    // Classes and functions keep their names (error names, constructor.name) where the bundle renames them.
    keepNames: true,
    // Chained through tsc's maps, so positions map back to src/*.ts under --enable-source-maps.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.js') && bytes > LARGE_CHUNK && readFileSync(file, 'utf8').includes('import(')) {
      console.warn(`bundle: ${file} (${bytes} bytes) holds an import(): make the module holding it an entry point of its own`);
    }
  }
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
  writeCodeCache(outfile, provided, finalPath);
}
