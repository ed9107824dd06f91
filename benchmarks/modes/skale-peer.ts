/**
 * skale (a Spark-like engine for Node.js) as a peer, where it can be installed: version 1.2.2 is
 * installed with npm into a directory outside the repository at benchmark time, and the
 * programs in ./skale/ run there with two worker processes. Any failure is recorded, not fatal.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKALE_VERSION = '1.2.2';
const PEER_DIR = '/tmp/skale-peer';
const WORKERS = 2;

export type SkaleOutcome<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: string };

/** Installs skale (once) and reports why not if it cannot. */
export function installSkale(): SkaleOutcome<string> {
  if (existsSync(join(PEER_DIR, 'node_modules', 'skale', 'package.json'))) return { ok: true, result: PEER_DIR };
  mkdirSync(PEER_DIR, { recursive: true });
  writeFileSync(join(PEER_DIR, 'package.json'), JSON.stringify({ name: 'skale-peer', private: true }));
  const install = spawnSync('npm', ['install', `skale@${SKALE_VERSION}`, '--legacy-peer-deps', '--no-audit', '--no-fund'], { cwd: PEER_DIR, encoding: 'utf8', timeout: 300_000 });
  if (install.status !== 0) return { ok: false, error: `npm install skale@${SKALE_VERSION} failed: ${lastLine(install.stderr || String(install.error))}` };
  return { ok: true, result: PEER_DIR };
}

/** Runs one of ./skale/*.cjs with `args`; its last stdout line is its JSON result. */
export function runSkale<R>(program: string, args: string[], timeoutMs: number): SkaleOutcome<R> {
  const installed = installSkale();
  if (!installed.ok) return installed;
  copyFileSync(fileURLToPath(new URL(`skale/${program}`, import.meta.url)), join(PEER_DIR, program));
  const run = spawnSync(process.execPath, [program, ...args], {
    cwd: PEER_DIR,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, SKALE_WORKERS: String(WORKERS) },
  });
  if (run.status !== 0) return { ok: false, error: `skale ${program} ${run.signal ? `was killed (${run.signal}, timeout ${timeoutMs} ms)` : `exited with ${run.status}`}: ${lastLine(run.stderr)}` };
  try {
    return { ok: true, result: JSON.parse(lastLine(run.stdout)) as R };
  } catch {
    return { ok: false, error: `skale ${program} printed no JSON result: ${lastLine(run.stdout)}` };
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
