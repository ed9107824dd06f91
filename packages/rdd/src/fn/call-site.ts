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

/** A program has few call sites; this only bounds a pathological one (generated call sites). */
const MAX_REMEMBERED_FRAMES = 10_000;

/** The user frame found for a raw stack (up to the user's frame), by working directory and packages skipped. */
const remembered = new Map<string, UserFrame | undefined>();

/**
 * The user's frame as the formatted (and, with source maps on, mapped) stack trace shows it.
 * Formatting a stack through its source maps costs far more than capturing it, and an iterative
 * job asks from the same few places every iteration, so each raw stack is formatted once: its
 * frames up to the first one outside Flint, as V8 gives them unformatted, are the key.
 */
function firstUserFrame(packages: readonly string[]): UserFrame | undefined {
  const key = `${process.cwd()}\0${packages.join(',')}\0${rawFramesToUser(packages)}`;
  if (remembered.has(key)) return remembered.get(key);
  if (remembered.size >= MAX_REMEMBERED_FRAMES) remembered.clear();
  const frame = formattedUserFrame(packages);
  remembered.set(key, frame);
  return frame;
}

/** The frames up to and with the first outside `packages`, as V8's structured stack gives them: names and generated positions, no formatting. */
function rawFramesToUser(packages: readonly string[]): string {
  const [limit, prepare] = [Error.stackTraceLimit, Error.prepareStackTrace];
  let frames: NodeJS.CallSite[];
  Error.stackTraceLimit = Math.max(limit, DEEP_STACK_FRAMES);
  Error.prepareStackTrace = (_error, callSites) => callSites;
  try {
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder, firstUserFrame);
    frames = holder.stack ?? [];
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
  const flintFrame = flintFramePattern(packages);
  const described: string[] = [];
  for (const frame of frames) {
    const file = frame.getFileName() ?? '';
    described.push(`${frame.isAsync()}:${frame.getTypeName()}:${frame.getFunctionName()}:${frame.getMethodName()}@${file}:${frame.getLineNumber()}:${frame.getColumnNumber()}`);
    // The formatted stack's user frame is the first whose location it can read: no blank or parenthesis in its path.
    if (file !== '' && !flintFrame.test(file) && !SKIPPED_FRAME.test(file) && !/[\s()]/.test(file)) break;
  }
  return described.join('\n');
}

function formattedUserFrame(packages: readonly string[]): UserFrame | undefined {
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

const SKIPPED_FRAME = /node:internal|[\\/]node_modules[\\/]/;
const flintFramePatterns = new Map<string, RegExp>();

function flintFramePattern(packages: readonly string[]): RegExp {
  const names = packages.join('|');
  let pattern = flintFramePatterns.get(names);
  if (!pattern) {
    pattern = new RegExp(`[\\\\/]packages[\\\\/](${names})[\\\\/](dist|src)[\\\\/]`);
    flintFramePatterns.set(names, pattern);
  }
  return pattern;
}

function userFrameIn(frames: readonly string[], packages: readonly string[]): UserFrame | undefined {
  const flintFrame = flintFramePattern(packages);
  let method: string | undefined;
  for (const frame of frames) {
    if (flintFrame.test(frame)) {
      method = methodName(frame);
      continue;
    }
    if (SKIPPED_FRAME.test(frame)) continue;
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
