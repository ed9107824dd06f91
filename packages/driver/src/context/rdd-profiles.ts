/**
 * The driver side of the `profile` option (PySpark's spark.python.profile with its BasicProfiler):
 * the CPU profiles of the tasks, kept per RDD (the RDD a stage computes, as PySpark keeps one
 * profile per Python RDD). fc.showProfiles() prints where the task threads' time went per RDD;
 * fc.dumpProfiles(dir) writes `rdd_<id>.cpuprofile` files for Chrome DevTools or VS Code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionTimes, mergeProfiles, type CpuProfile } from './cpu-profile.js';

const RULE = '='.repeat(60);
const FUNCTIONS_SHOWN = 20;

export class RddProfiles {
  private readonly byRdd = new Map<number, CpuProfile[]>();
  /** RDDs whose profile was reported already: as PySpark's show_profiles, a report has only the others. */
  private readonly shown = new Set<number>();

  add(rddId: number, profileJson: Uint8Array): void {
    const profile = JSON.parse(Buffer.from(profileJson).toString('utf8')) as CpuProfile;
    const profiles = this.byRdd.get(rddId) ?? this.byRdd.set(rddId, []).get(rddId)!;
    profiles.push(profile);
  }

  /** The report of each RDD's profile not reported yet, RDDs by id ('' when there is none). */
  report(): string {
    const lines: string[] = [];
    for (const [rddId, profiles] of this.sorted()) {
      if (this.shown.has(rddId)) continue;
      this.shown.add(rddId);
      lines.push(RULE, `Profile of RDD<id=${rddId}>`, RULE, ...summary(profiles), '');
    }
    return lines.join('\n');
  }

  /** Writes `rdd_<id>.cpuprofile` per RDD into `dir` (created if missing) and forgets them, as PySpark's dump_profiles. */
  dump(dir: string): void {
    mkdirSync(dir, { recursive: true });
    for (const [rddId, profiles] of this.sorted()) writeFileSync(join(dir, `rdd_${rddId}.cpuprofile`), JSON.stringify(mergeProfiles(profiles)));
    this.byRdd.clear();
    this.shown.clear();
  }

  private sorted(): [number, CpuProfile[]][] {
    return [...this.byRdd].sort(([a], [b]) => a - b);
  }
}

function summary(profiles: readonly CpuProfile[]): string[] {
  const times = functionTimes(mergeProfiles(profiles));
  const sampledMs = times.reduce((sum, time) => sum + time.selfMs, 0);
  return [
    `${profiles.length} task${profiles.length === 1 ? '' : 's'}, ${sampledMs.toFixed(1)} ms of JavaScript sampled`,
    '   self ms   total ms  function',
    ...times.slice(0, FUNCTIONS_SHOWN).map((time) => `${time.selfMs.toFixed(1).padStart(10)} ${time.totalMs.toFixed(1).padStart(10)}  ${time.location}`),
  ];
}
