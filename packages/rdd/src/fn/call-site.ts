/** Where the user's program called into Flint: the first stack frame outside Flint's own packages. */

/** Flint's packages whose frames are skipped by default: the RDD API, the DataFrame API and the driver. */
const FLINT_PACKAGES = ['rdd', 'sql', 'driver'];

/** `path:line:column` of the first frame outside `packages` (relative to the working directory), else 'unknown location'. */
export function userCallSite(packages: readonly string[] = FLINT_PACKAGES): string {
  const flintFrame = new RegExp(`[\\\\/]packages[\\\\/](${packages.join('|')})[\\\\/](dist|src)[\\\\/]|node:internal|[\\\\/]node_modules[\\\\/]`);
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  for (const frame of frames) {
    if (flintFrame.test(frame)) continue;
    const location = /\(?((?:file:\/\/)?[^\s()]+:\d+:\d+)\)?\s*$/.exec(frame);
    if (location) return location[1].replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
  }
  return 'unknown location';
}
