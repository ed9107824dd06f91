/** Runs `flint history DIR --port 0` as its own process and finds its address in the line it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { FLINT_BIN } from '../cli/run-flint.js';

export interface HistoryProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** What it has written to stderr so far. */
  stderr(): string;
  /** SIGKILLs the process (by its PID) and waits for it to exit. */
  stop(): Promise<void>;
}

export async function startHistoryProcess(dir: string, extraArgs: string[] = []): Promise<HistoryProcess> {
  const child = spawn(process.execPath, [FLINT_BIN, 'history', dir, '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  let stderr = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`flint history printed no address in 30 s: ${stderr}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const found = / at (http:\/\/\S+)/.exec(stderr);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`flint history exited with ${code}: ${stderr.trim()}`));
      });
    });
    return { url, child, stop, stderr: () => stderr };
  } catch (error) {
    await stop();
    throw error;
  }
}
