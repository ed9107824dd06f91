/**
 * Whether @flint/sql's entries load its bundle (scripts/bundle-sql.mjs) or the plain modules
 * (@flint/rdd's bundleIsFresh). The answer is kept, so that every entry of one thread loads the
 * same copy even if a build finishes meanwhile.
 */
import { bundleIsFresh } from '@flint/rdd/bundle-freshness';

let chosen: boolean | undefined;

/** Whether this thread's entries load the bundle. */
export function loadsBundle(): boolean {
  chosen ??= bundleIsFresh(__dirname);
  return chosen;
}
