/**
 * Bundles what a task thread loads of Flint (@flint/worker's thread modules, @flint/rdd, the parts
 * of @flint/dfs and @flint/net they import, and @flint/sql's runtime, imported on first use) into
 * packages/worker/dist/bundle/. A thread loaded ~110 plain modules (60 of them @flint/rdd's) before
 * its first task, each resolved, read and compiled on its own, on every thread of every process.
 *
 * One copy of each class per thread: every Flint module a thread runs comes from this bundle (the
 * SQL runtime included, as the plain runtime.js rather than @flint/sql's own bundle, which would
 * import @flint/rdd again), and a thread runs no other Flint code (users' functions are compiled
 * from their source, which imports nothing). Third-party packages stay imports but hyparquet and
 * fzstd, as in @flint/sql's bundle, and msgpackr (pure JS, and only Flint's code on a thread uses it).
 *
 * The bundle records the .tsbuildinfo of each package it holds (bundle/built-from); the thread's
 * entry (src/thread/task-thread-entry.cts) uses it only while all are unchanged. Run by
 * `npm run build` after tsc.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQL_BUNDLED_PACKAGES, bundleInto, externalPackagesBut } from './bundle-common.mjs';

const packages = fileURLToPath(new URL('../packages', import.meta.url));
const dist = join(packages, 'worker', 'dist');
const sqlDist = join(packages, 'sql', 'dist');
const FLINT_PACKAGES = ['rdd', 'net', 'dfs', 'sql'];
const BUNDLED = new RegExp(`^@flint/(${FLINT_PACKAGES.join('|')})(/|$)|${SQL_BUNDLED_PACKAGES.source}`);
/** msgpackr's own directory (its package.json exports only its entries). */
const msgpackr = join(dirname(createRequire(import.meta.url).resolve('msgpackr')), '..');
/** msgpackr, with its native string extractor loaded on first need (task-thread-msgpackr.mjs); none of Flint's other code on a thread imports it. */
const MSGPACKR_ALIASES = {
  msgpackr: fileURLToPath(new URL('task-thread-msgpackr.mjs', import.meta.url)),
  'msgpackr/pure': join(msgpackr, 'index.js'),
  'msgpackr/unpack-module': join(msgpackr, 'unpack.js'),
};

/** @flint/sql's entries that choose its own bundle: a thread must load none of them (a second copy of @flint/rdd). */
function refuseSqlEntries() {
  return {
    name: 'refuse-sql-entries',
    setup(build) {
      build.onLoad({ filter: /[\\/]sql[\\/]dist[\\/](entry\.js|runtime-entry\.js|require-entry\.cjs|bundle[\\/])/ }, (args) => {
        throw new Error(`the task thread's bundle must not hold ${args.path}`);
      });
    },
  };
}

await bundleInto(dist, {
  modules: {
    // Each module holding an import() is an entry of its own (bundle-common.mjs), and so is each
    // module one imports, so that a thread's module log names what it loaded (runtime.js, dfs-client.js).
    entryPoints: {
      runtime: join(sqlDist, 'runtime.js'),
      'dfs-client': join(packages, 'dfs', 'dist', 'client-api.js'),
      'task-thread': join(dist, 'thread', 'task-thread.js'),
      'sql-runtime': join(dist, 'thread', 'sql-runtime.js'),
      'dfs-input': join(dist, 'thread', 'dfs-input.js'),
      'load-rows-to-arrow': join(sqlDist, 'interop', 'load-rows-to-arrow.js'),
    },
    plugins: [externalPackagesBut(BUNDLED, { '@flint/sql/runtime': join(sqlDist, 'runtime.js'), ...MSGPACKR_ALIASES }), refuseSqlEntries()],
  },
  buildInfos: ['.tsbuildinfo', ...FLINT_PACKAGES.map((name) => join('..', '..', name, 'dist', '.tsbuildinfo'))],
});
