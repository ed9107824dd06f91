// Loaded with `node --import` (task threads inherit it): logs the modules of the thread that loads it,
// and the bundles it runs as vm scripts (@flint/sql/cached-script says each), which no loader hook sees.
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

register('./module-load-hooks.mjs', import.meta.url, { data: { thread: threadId } });
subscribe('flint:cached-script', ({ file }) => appendFileSync(process.env.FLINT_TEST_MODULE_LOG, `${threadId} ${pathToFileURL(file).href}\n`));
