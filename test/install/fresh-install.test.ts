/**
 * A new user's install, for real: a fresh `git clone` of this repository, the README's install
 * command (`npm ci`), then `npx flint`; and a project of the user's own that installs the packed
 * packages (`npm pack` tarballs) and runs a job with node and with `flint submit`. Slow (a minute
 * or more: two installs and a build), so it runs with `npm run test:install`, not `npm test`.
 * Installs prefer npm's cache, so after the first run they need no registry.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../cli/run-flint.js';

const REPOSITORY = resolve(import.meta.dirname, '../..');
const NPM_QUIET = ['--prefer-offline', '--no-audit', '--no-fund'];
const INSTALL_TIMEOUT_MS = 600_000;

let root: string;
let clone: string;
let tarballs: string;

const JOB = `import { FlintContext } from '@flint/driver';
const fc = await FlintContext.create({ master: 'local[2]' });
const squares: number[] = await fc.parallelize([1, 2, 3, 4], 2).map((x: number) => x * x).collect();
console.log(JSON.stringify(squares));
await fc.stop();
`;

async function npm(args: string[], cwd: string) {
  const result = await runProcess('npm', args, { cwd, timeoutMs: INSTALL_TIMEOUT_MS });
  expect(result.code, `npm ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'flint-install-'));
  clone = join(root, 'flint');
  tarballs = join(root, 'tarballs');
  execFileSync('git', ['clone', '--quiet', REPOSITORY, clone]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a fresh clone', () => {
  it('has a working `npx flint` right after npm ci', async () => {
    await npm(['ci', ...NPM_QUIET], clone);
    const version = await runProcess('npx', ['flint', '--version'], { cwd: clone });
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/^flint \d+\.\d+\.\d+\n$/);
    writeFileSync(join(clone, 'squares.ts'), JOB);
    const job = await runProcess('npx', ['flint', 'submit', 'squares.ts'], { cwd: clone });
    expect(job.code, job.stderr).toBe(0);
    expect(JSON.parse(job.stdout)).toEqual([1, 4, 9, 16]);
  }, INSTALL_TIMEOUT_MS);

  it('packs each package with its dist/ and types only (and the driver its bin and UI assets)', async () => {
    mkdirSync(tarballs);
    await npm(['pack', '--workspaces', '--pack-destination', tarballs], clone);
    const packed = readdirSync(tarballs).sort();
    expect(packed).toEqual(['flint-dfs-0.1.0.tgz', 'flint-driver-0.1.0.tgz', 'flint-net-0.1.0.tgz', 'flint-rdd-0.1.0.tgz', 'flint-sql-0.1.0.tgz', 'flint-worker-0.1.0.tgz']);
    for (const tarball of packed) {
      const files = execFileSync('tar', ['tzf', join(tarballs, tarball)], { encoding: 'utf8' }).trim().split('\n');
      expect(files).toContain('package/dist/index.js');
      expect(files).toContain('package/dist/index.d.ts');
      const allowed = tarball.startsWith('flint-driver-') ? /^package\/(dist\/|bin\/flint\.js$|ui\/[\w.-]+$|package\.json$)/ : /^package\/(dist\/|package\.json$)/;
      expect(files.filter((file) => !allowed.test(file))).toEqual([]);
      expect(files.some((file) => /\.test\.|\/src\/|\.tsbuildinfo$/.test(file))).toBe(false);
    }
  }, INSTALL_TIMEOUT_MS);
});

describe("a user's own project", () => {
  let project: string;

  beforeAll(async () => {
    project = join(root, 'my-job');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-job', private: true, type: 'module' }));
    writeFileSync(join(project, 'job.ts'), JOB);
    writeFileSync(join(project, 'job.mjs'), JOB.replace(': number[]', '').replace('(x: number)', '(x)'));
    await npm(['install', ...readdirSync(tarballs).map((file) => join(tarballs, file)), ...NPM_QUIET], project);
  }, INSTALL_TIMEOUT_MS);

  it('runs a job with node and with flint submit', async () => {
    const plain = await runProcess(process.execPath, ['job.mjs'], { cwd: project });
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).toEqual([1, 4, 9, 16]);
    const submitted = await runProcess('npx', ['flint', 'submit', 'job.ts'], { cwd: project });
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(JSON.parse(submitted.stdout)).toEqual([1, 4, 9, 16]);
  });

  it('type-checks a TypeScript job against the installed packages', async () => {
    // The clone's compiler and @types/node; every other type must come from what the tarballs installed.
    const tsc = join(clone, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(clone, 'node_modules/@types'), 'job.ts'];
    const check = await runProcess(process.execPath, [tsc, ...args], { cwd: project, timeoutMs: 120_000 });
    expect(check.code, check.stdout).toBe(0);
  }, 120_000);
});
