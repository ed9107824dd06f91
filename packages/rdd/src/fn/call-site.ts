/** Where the user's program called into Flint: the first stack frame outside Flint's own packages. */

/** Flint's packages whose frames are skipped by default: the RDD API, the DataFrame API and the driver. */
const FLINT_PACKAGES = ['rdd', 'sql', 'driver'];
/** Frames looked through for the user's when the default number does not reach it. */
const DEEP_STACK_FRAMES = 100;

interface UserFrame {
  /** `path:line:column`, relative to the working directory. */
  readonly location: string;
  /** The Flint method the user's frame called (`map`, `collect`), when its frame has a name. */
  readonly method: string | undefined;
}

function firstUserFrame(packages: readonly string[]): UserFrame | undefined {
  const near = userFrameIn(stackLines(Error.stackTraceLimit), packages);
  // SQL planning calls deep into Flint before it makes an RDD: the default 10 frames may not reach the user's.
  return near === undefined ? userFrameIn(stackLines(DEEP_STACK_FRAMES), packages) : near;
}

function stackLines(frames: number): string[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frames;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  return stack.split('\n').slice(1);
}

function userFrameIn(frames: readonly string[], packages: readonly string[]): UserFrame | undefined {
  const flintFrame = new RegExp(`[\\\\/]packages[\\\\/](${packages.join('|')})[\\\\/](dist|src)[\\\\/]`);
  const skippedFrame = /node:internal|[\\/]node_modules[\\/]/;
  let method: string | undefined;
  for (const frame of frames) {
    if (flintFrame.test(frame)) {
      method = methodName(frame);
      continue;
    }
    if (skippedFrame.test(frame)) continue;
    const location = /\(?((?:file:\/\/)?[^\s()]+:\d+:\d+)\)?\s*$/.exec(frame);
    if (location) return { location: location[1].replace(/^file:\/\//, '').replace(`${process.cwd()}/`, ''), method };
  }
  return undefined;
}

/** `reduceByKey` of `    at RDD.reduceByKey (…)` or `    at async DataFrame.collect (…)`; undefined for an anonymous frame. */
function methodName(frame: string): string | undefined {
  const name = /^\s*at (?:async )?(?:new )?([\w$.]+) \(/.exec(frame)?.[1];
  return name?.slice(name.lastIndexOf('.') + 1);
}

/** `path:line:column` of the first frame outside `packages` (relative to the working directory), else 'unknown location'. */
export function userCallSite(packages: readonly string[] = FLINT_PACKAGES): string {
  return firstUserFrame(packages)?.location ?? 'unknown location';
}

/**
 * Spark's short call site: the Flint method the user's code called and where, `map at job.ts:4:21`
 * (the location alone when that method's frame has no name).
 */
export function userCallSiteShort(packages: readonly string[] = FLINT_PACKAGES): string {
  const frame = firstUserFrame(packages);
  if (!frame) return 'unknown location';
  return frame.method ? `${frame.method} at ${frame.location}` : frame.location;
}
