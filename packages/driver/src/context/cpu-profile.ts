/**
 * V8 CPU profiles (the `.cpuprofile` format of Chrome DevTools and VS Code) as the task threads
 * send them: merging several into one, and the time per function, self and total, for a summary.
 */
export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number; readonly scriptId: string };
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  /** The node on top of the stack at each sample. */
  readonly samples: readonly number[];
  /** Microseconds since the previous sample (the first: since startTime). */
  readonly timeDeltas: readonly number[];
}

export interface FunctionTime {
  /** `name (url:line)`, line numbers 1-based as editors show them. */
  readonly location: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

const ROOT_ID = 1;
/** V8's pseudo-frames that say where no JavaScript ran: left out of the summary. */
const NOT_RUNNING = new Set(['(root)', '(idle)']);

/** The task thread's own profiling: its wrapper and the inspector's native dispatch, left out of the summary. */
function isProfilerFrame({ callFrame }: CpuProfileNode): boolean {
  return callFrame.url.endsWith('/task-profiler.js') || (callFrame.url === '' && callFrame.functionName === 'dispatch');
}

/** One profile holding the samples of all `profiles`, one after another, under a single root. */
export function mergeProfiles(profiles: readonly CpuProfile[]): CpuProfile {
  const rootChildren: number[] = [];
  const nodes: CpuProfileNode[] = [];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let nextId = ROOT_ID + 1;
  for (const profile of profiles) {
    const root = profile.nodes[0];
    const ids = new Map<number, number>([[root.id, ROOT_ID]]);
    for (const node of profile.nodes.slice(1)) ids.set(node.id, nextId++);
    const renumber = (id: number): number => ids.get(id)!;
    for (const node of profile.nodes.slice(1)) nodes.push({ ...node, id: renumber(node.id), children: node.children?.map(renumber) });
    rootChildren.push(...(root.children ?? []).map(renumber));
    samples.push(...profile.samples.map(renumber));
    timeDeltas.push(...profile.timeDeltas);
  }
  const rootNode: CpuProfileNode = { ...profiles[0].nodes[0], id: ROOT_ID, hitCount: 0, children: rootChildren };
  const startTime = profiles[0].startTime;
  return { nodes: [rootNode, ...nodes], startTime, endTime: startTime + timeDeltas.reduce((sum, delta) => sum + delta, 0), samples, timeDeltas };
}

/**
 * Milliseconds sampled in each function, on top of the stack (self) and anywhere on it (total), most
 * self time first. Each sample counts as one sampling interval (the profile's median gap): a thread
 * descheduled on a busy machine leaves a long gap after a sample, which is not that function's time.
 */
export function functionTimes(profile: CpuProfile): FunctionTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampleMs = median(profile.timeDeltas.slice(1)) / 1000;
  const times = new Map<string, { selfMs: number; totalMs: number }>();
  const timeOf = (location: string) => times.get(location) ?? times.set(location, { selfMs: 0, totalMs: 0 }).get(location)!;
  const counted = (node: CpuProfileNode) => !NOT_RUNNING.has(node.callFrame.functionName) && !isProfilerFrame(node);
  for (const sampled of profile.samples) {
    const top = byId.get(sampled)!;
    if (!counted(top)) continue;
    timeOf(locationOf(top)).selfMs += sampleMs;
    const onStack = new Set<string>();
    for (let id: number | undefined = sampled; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id)!;
      if (counted(node)) onStack.add(locationOf(node));
    }
    for (const location of onStack) timeOf(location).totalMs += sampleMs;
  }
  return [...times].map(([location, time]) => ({ location, ...time })).sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs);
}

function median(values: readonly number[]): number {
  const sorted = values.filter((value) => value > 0).sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

function locationOf(node: CpuProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  return url ? `${name} (${url}:${lineNumber + 1})` : name;
}
