/**
 * Where the time goes in V8 CPU profiles (`--cpu-prof`, one file per thread):
 * `tsx benchmarks/sql/profile-summary.ts <dir or .cpuprofile files> [--top N]` prints, per
 * profile, its sampled time and the functions with the most self time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
}

/** Self time per function (name and location), most first. */
export function selfTimes(profile: CpuProfile): SelfTime[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    const where = url === '' ? '' : ` ${basename(url)}:${lineNumber + 1}`;
    const name = `${functionName || '(anonymous)'}${where}`;
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

function profileFiles(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path).filter((file) => file.endsWith('.cpuprofile')).sort().map((file) => join(path, file))
      : [path],
  );
}

function main(argv: string[]): void {
  const topIndex = argv.indexOf('--top');
  const top = topIndex < 0 ? 25 : Number(argv[topIndex + 1]);
  const paths = argv.filter((_arg, i) => i !== topIndex && i !== topIndex + 1);
  if (paths.length === 0) throw new Error('usage: profile-summary.ts <dir or .cpuprofile files> [--top N]');
  for (const file of profileFiles(paths)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const times = selfTimes(profile);
    const sampled = times.reduce((sum, each) => sum + each.ms, 0);
    const idle = times.find((each) => each.name.startsWith('(idle)'))?.ms ?? 0;
    console.log(`\n${basename(file)}: ${(sampled / 1000).toFixed(2)} s sampled, ${((sampled - idle) / 1000).toFixed(2)} s busy`);
    for (const each of times.slice(0, top)) console.log(`${each.ms.toFixed(0).padStart(8)} ms  ${each.name}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
