// Loaded with `node --import` (task threads inherit it): logs the modules of the thread that loads it.
import { register } from 'node:module';
import { threadId } from 'node:worker_threads';

register('./module-load-hooks.mjs', import.meta.url, { data: { thread: threadId } });
