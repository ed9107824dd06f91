/** Runs the `flint` command as a user does (the bin npm links) in its own process. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const FLINT_BIN = resolve(import.meta.dirname, '../../packages/driver/bin/flint.js');

export interface FlintRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runFlint(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<FlintRun> {
  return runProcess(process.execPath, [FLINT_BIN, ...args], options);
}

/** Runs a command to its end (SIGKILLed after `timeoutMs`), collecting its output. */
export function runProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<FlintRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}
