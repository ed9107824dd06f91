// A local[2] context builds a DataFrame (which loads the SQL layer) and runs no action yet: it
// waits (20 s at most) for the module log to show the SQL runtime imported on both task threads,
// then runs the query. It prints the threads that had imported the runtime before any task.
import { appendFileSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { FlintContext } from '@flint/driver';

const log = process.env.FLINT_TEST_MODULE_LOG;
// @flint/sql's runtime entry, or the runtime in the task thread's bundle (scripts/bundle-task-thread.mjs).
const RUNTIME = /\/packages\/(sql\/dist\/runtime-entry\.js|worker\/dist\/bundle\/runtime\.cjs)$/;
const TASK_THREAD = /\/packages\/worker\/dist\/(thread\/task-thread\.js|bundle\/task-thread\.cjs)$/;
const fc = await FlintContext.create({ master: 'local[2]', ui: false });
appendFileSync(log, 'SQL\n');
const df = fc.sql('SELECT sum(id) AS total FROM range(10)');
const threadsWith = (module) => new Set(readFileSync(log, 'utf8').split('\n').filter((line) => module.test(line)).map((line) => line.split(' ')[0]));
const deadline = Date.now() + 20_000;
while (threadsWith(RUNTIME).size < 2 && Date.now() < deadline) await sleep(20);
const beforeAnyTask = [...threadsWith(RUNTIME)].sort();
const jobsBeforeAction = fc.jobHistory.length;
const sum = await df.collect();
await fc.stop();
console.log(JSON.stringify({ beforeAnyTask, taskThreads: [...threadsWith(TASK_THREAD)].sort(), jobsBeforeAction, sum }));
