/**
 * msgpackr as the task thread's bundle holds it (scripts/bundle-task-thread.mjs aliases `msgpackr`
 * to this module): msgpackr's pure-JS modules, with its native string extractor (msgpackr-extract)
 * loaded at the first large message a thread unpacks rather than when msgpackr is imported. Finding
 * and loading the binary (node-gyp-build, detect-libc reading files) took 15-25 ms of each thread's
 * start, while a SQL task's own message is ~10 KB, which JavaScript reads about as fast; the
 * extractor pays for itself on large blocks of strings (a 400 KB block of string records: 1.6 ms
 * against 5.8 in JavaScript). The binary is the one the executor's process loaded, when its
 * executor names it (workerData.nativeStringsBinary, packages/worker/src/executor/native-strings.ts):
 * looking for it again took 7-9 ms.
 */
import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';
import { Packr as PlainPackr } from 'msgpackr/pure';
import { setExtractor } from 'msgpackr/unpack-module';

export * from 'msgpackr/pure';

/** A message from this size on loads the extractor, as msgpackr does on import unless disabled by its variable. */
export const NATIVE_STRINGS_FROM_BYTES = 64 * 1024;

let nativeTried = process.env.MSGPACKR_NATIVE_ACCELERATION_DISABLED?.toLowerCase() === 'true';

function loadNativeStrings() {
  nativeTried = true;
  const require = createRequire(import.meta.url);
  const binary = workerData?.nativeStringsBinary;
  try {
    setExtractor((binary ? require(binary) : require('msgpackr-extract')).extractStrings);
  } catch {
    // Optional, as it is to msgpackr: strings are then read in JavaScript.
  }
}

export class Packr extends PlainPackr {
  unpack(source, options) {
    if (!nativeTried && source.length >= NATIVE_STRINGS_FROM_BYTES) loadNativeStrings();
    return super.unpack(source, options);
  }
}
