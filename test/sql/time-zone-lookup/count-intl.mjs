// Loaded with `node --import` (task threads inherit it): each Intl.DateTimeFormat a thread makes
// appends the thread's id as a line to FLINT_TEST_INTL_LOG.
import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

const made = () => appendFileSync(process.env.FLINT_TEST_INTL_LOG, `${threadId}\n`);
Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
  construct: (target, args, newTarget) => (made(), Reflect.construct(target, args, newTarget)),
  apply: (target, self, args) => (made(), Reflect.apply(target, self, args)),
});
