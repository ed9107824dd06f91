// Module customization hooks: each module a thread loads is appended to LOG as "<thread id> <url>".
import { appendFileSync } from 'node:fs';

let thread = '?';
export function initialize(data) {
  thread = data.thread;
}
export async function load(url, context, next) {
  appendFileSync(process.env.FLINT_TEST_MODULE_LOG, `${thread} ${url}\n`);
  return next(url, context);
}
