/**
 * msgpackr's native string extractor (msgpackr-extract) for task threads. A thread's bundle loads
 * it at the thread's first large message (scripts/task-thread-msgpackr.mjs), which in a SQL job is
 * the final stage's first shuffle block: finding the binary there (node-gyp-build reading package
 * files and directories, detect-libc reading files) took 7-9 ms of every thread at once, while the
 * whole job waited on that stage. msgpackr has loaded the same binary in this process already (at its
 * import), so the executor tells its threads the file, and a thread only opens it.
 */
import { createRequire } from 'node:module';

const EXTRACTOR_BINARY = /[\\/]msgpackr-extract[^\\/]*[\\/][^\\/]+\.node$/;

/** The extractor's binary loaded in this process, if msgpackr loaded one. */
export function loadedNativeStringsBinary(): string | undefined {
  return Object.keys(createRequire(import.meta.url).cache).find((file) => EXTRACTOR_BINARY.test(file));
}
