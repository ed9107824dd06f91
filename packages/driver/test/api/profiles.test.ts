// PySpark's task profiler (spark.python.profile, profiler.py's doctest) as V8 CPU profiles:
// fc.showProfiles() prints one section per RDD a stage computed, each once; fc.dumpProfiles(dir)
// writes rdd_<id>.cpuprofile files; profileDump makes stop() write them; without profile: true
// both methods are one clear error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
const dirs: string[] = [];

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-profiles', profile: true, ui: false });
});

afterAll(async () => {
  await fc.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-profiles-'));
  dirs.push(dir);
  return dir;
}

/** What `print` writes to stdout. */
function stdoutOf(print: () => void): string {
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => chunks.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    print();
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

/** A map whose time is surely sampled: a named function that computes for a while per record. */
const spin = function spinForProfile(n: number): number {
  let x = n;
  for (let i = 0; i < 3_000_000; i++) x = (x * 31 + i) % 1_000_003;
  return x;
};

interface CpuProfileFile {
  nodes: { id: number; callFrame: { functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

describe('profile: true', () => {
  it('profiles each RDD a stage computes; showProfiles prints each once (profiler.py doctest)', async () => {
    const doubled = fc.parallelize(Array.from({ length: 1000 }, (_, i) => i)).map((x) => 2 * x);
    expect(await doubled.take(10)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    const counted = fc.parallelize(Array.from({ length: 1000 }, (_, i) => i));
    expect(await counted.count()).toBe(1000);
    const spun = fc.parallelize([1, 2, 3, 4], 2).map(spin);
    expect(await spun.collect()).toEqual([1, 2, 3, 4].map(spin));

    const shown = stdoutOf(() => fc.showProfiles());
    const ids = [...shown.matchAll(/^Profile of RDD<id=(\d+)>$/gm)].map((match) => Number(match[1]));
    // take and count run their stage over an RDD they derive (one past the RDD's id); collect over the RDD itself.
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBeGreaterThan(doubled.id());
    expect(ids[0]).toBeLessThan(counted.id());
    expect(ids[1]).toBeGreaterThan(counted.id());
    expect(ids[1]).toBeLessThan(spun.id());
    expect(ids[2]).toBe(spun.id());
    const spunSection = shown.slice(shown.indexOf(`Profile of RDD<id=${spun.id()}>`));
    expect(spunSection).toMatch(/^2 tasks, [\d.]+ ms of JavaScript sampled$/m);
    expect(spunSection).toMatch(/^ +[\d.]+ +[\d.]+ {2}spinForProfile \(.+:\d+\)$/m);
    expect(stdoutOf(() => fc.showProfiles())).toBe('');
  });

  it('dumpProfiles writes one .cpuprofile per RDD, then forgets them', async () => {
    const spun = fc.parallelize([5, 6, 7], 3).map(spin);
    await spun.collect();
    const dir = path.join(tempDir(), 'made-by-dump');
    fc.dumpProfiles(dir);
    const files = fs.readdirSync(dir);
    expect(files).toContain(`rdd_${spun.id()}.cpuprofile`);
    const profile = JSON.parse(fs.readFileSync(path.join(dir, `rdd_${spun.id()}.cpuprofile`), 'utf8')) as CpuProfileFile;
    const ids = new Set(profile.nodes.map((node) => node.id));
    expect(profile.nodes.some((node) => node.callFrame.functionName === 'spinForProfile')).toBe(true);
    expect(profile.samples.length).toBe(profile.timeDeltas.length);
    expect(profile.samples.every((id) => ids.has(id))).toBe(true);
    expect(profile.nodes.flatMap((node) => node.children ?? []).every((id) => ids.has(id))).toBe(true);
    // The three tasks' samples under one root: its children are the tasks' top frames.
    expect(profile.nodes[0].callFrame.functionName).toBe('(root)');

    const again = tempDir();
    fc.dumpProfiles(again);
    expect(fs.readdirSync(again)).toEqual([]);
  });

  it('with profileDump, stop() writes the profiles into that directory', async () => {
    const dir = path.join(tempDir(), 'at-stop');
    const dumping = await FlintContext.create({ master: 'local[1]', profile: true, profileDump: dir, ui: false });
    let rddId: number;
    try {
      const rdd = dumping.parallelize([1, 2]).map(spin);
      rddId = rdd.id();
      await rdd.collect();
    } finally {
      await dumping.stop();
    }
    expect(fs.readdirSync(dir)).toEqual([`rdd_${rddId}.cpuprofile`]);
  });
});

describe('profile off', () => {
  it('showProfiles and dumpProfiles say how to turn profiling on', async () => {
    const plain = await FlintContext.create({ master: 'local[1]', ui: false });
    try {
      expect(() => plain.showProfiles()).toThrow("showProfiles: profiling is off; create the context with profile: true (flint submit --conf spark.python.profile=true)");
      expect(() => plain.dumpProfiles(tempDir())).toThrow(/^dumpProfiles: profiling is off/);
    } finally {
      await plain.stop();
    }
  });
});
