/** Flag helpers shared by the `flint namenode|worker|dfs` commands (on top of util.parseArgs). */
import { DfsError } from '../errors.js';

export function integerFlag(name: string, value: string | undefined, fallback: number): number;
export function integerFlag(name: string, value: string | undefined, fallback?: number): number | undefined;
export function integerFlag(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new DfsError('INVALID_ARGUMENT', `--${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

export function fractionFlag(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= 1)) throw new DfsError('INVALID_ARGUMENT', `--${name} must be a number between 0 and 1, got "${value}"`);
  return parsed;
}

/** Byte sizes: plain bytes or with a k/m/g suffix (binary multiples), e.g. 64k, 128m. */
export function byteSizeFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)([kmg]?)i?b?$/i.exec(value.trim());
  if (!match) throw new DfsError('INVALID_ARGUMENT', `--${name} must be a size in bytes (e.g. 1048576 or 1m), got "${value}"`);
  const scale = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[match[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * scale;
}

/** Prints a failed command's error as one line and gives the process exit code. */
export function reportFailure(command: string, error: unknown, stderr: NodeJS.WritableStream): number {
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`flint ${command}: ${message}\n`);
  return 1;
}
