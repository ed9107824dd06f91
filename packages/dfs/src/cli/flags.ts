/** Value parsers for the flags of the `flint` commands; a bad value is a UsageError. */
import { UsageError } from './command-line.js';

export function integerFlag(name: string, value: string | undefined, fallback: number): number;
export function integerFlag(name: string, value: string | undefined, fallback?: number): number | undefined;
export function integerFlag(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

export function fractionFlag(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= 1)) throw new UsageError(`--${name} must be a number between 0 and 1, got "${value}"`);
  return parsed;
}

export function byteSizeFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const bytes = parseByteSize(value);
  if (bytes === undefined) throw new UsageError(`--${name} must be a size in bytes (e.g. 1048576 or 1m), got "${value}"`);
  return bytes;
}

/** Byte sizes: plain bytes or with a k/m/g suffix (binary multiples), e.g. 64k, 128m, 2g; undefined if malformed. */
export function parseByteSize(text: string): number | undefined {
  const match = /^(\d+)([kmg]?)i?b?$/i.exec(text.trim());
  if (!match) return undefined;
  const scale = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[match[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * scale;
}
