/**
 * Bundles what a task thread loads of Flint into packages/worker/dist/bundle/: task-thread.cjs
 * (@flint/worker's thread modules, @flint/rdd, the parts of @flint/dfs and @flint/net they import)
 * and runtime.cjs (@flint/sql's runtime, run on a thread's first SQL task: an RDD job's threads never
 * load it), each one CommonJS file that the thread's entry runs with the V8 code cache made here
 * (bundle-common.mjs). A thread loaded ~110 plain modules (60 of them @flint/rdd's) before its first
 * task, each resolved, read and compiled on its own, on every thread of every process.
 *
 * One copy of each class per thread: every Flint module a thread runs comes from these files (the
 * SQL runtime as the plain runtime.js rather than @flint/sql's own bundle, which holds the whole
 * layer, given the @flint/rdd of task-thread.cjs: src/thread/thread-host.cts), and a thread runs no
 * other Flint code (users' functions are compiled from their source, which imports nothing).
 * Third-party packages stay imports but hyparquet and fzstd, as in @flint/sql's bundle, and msgpackr
 * (pure JS, and only Flint's code on a thread uses it).
 *
 * The bundle records the .tsbuildinfo of each package it holds (bundle/built-from); the thread's
 * entry (src/thread/task-thread-entry.cts) uses it only while all are unchanged. Run by
 * `npm run build` after tsc.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQL_BUNDLED_PACKAGES, bundleInto, externalPackagesBut } from './bundle-common.mjs';
import { THREAD_HOST } from '../packages/worker/dist/thread/thread-host.cjs';

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

/** The thread's import() of the SQL runtime is its host's (thread-host.cts): a vm script has none. */
function sqlRuntimeFromHost() {
  return {
    name: 'sql-runtime-from-host',
    setup(build) {
      build.onLoad({ filter: /[\\/]worker[\\/]dist[\\/]thread[\\/]sql-runtime\.js$/ }, () => ({ contents: `export const importSqlRuntime = () => require('${THREAD_HOST}').importSqlRuntime();`, loader: 'js' }));
    },
  };
}

await bundleInto(dist, {
  scripts: [
    {
      name: 'task-thread.cjs',
      entry: join(dist, 'thread', 'task-thread-bundle.js'),
      plugins: [sqlRuntimeFromHost(), externalPackagesBut(BUNDLED, MSGPACKR_ALIASES), refuseSqlEntries()],
      provided: { [THREAD_HOST]: { importSqlRuntime: async () => undefined } },
    },
    { name: 'runtime.cjs', entry: join(sqlDist, 'runtime.js'), plugins: [externalPackagesBut(SQL_BUNDLED_PACKAGES), refuseSqlEntries()] },
  ],
  buildInfos: ['.tsbuildinfo', ...FLINT_PACKAGES.map((name) => join('..', '..', name, 'dist', '.tsbuildinfo'))],
});
