/**
 * The cluster's shared secret. It lives in the FLINT_SECRET environment variable of every
 * process (so task threads and child processes inherit it); `--secret-file` loads a file into it.
 * Without it, servers run unauthenticated, which the standalone commands refuse unless told
 * `--insecure`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

export const SECRET_ENV = 'FLINT_SECRET';
const MIN_SECRET_LENGTH = 16;

/** The secret this process proves itself with, or undefined when it has none. */
export function clusterSecret(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const text = env[SECRET_ENV]?.trim();
  if (!text) return undefined;
  if (text.length < MIN_SECRET_LENGTH) throw new Error(`${SECRET_ENV} must be at least ${MIN_SECRET_LENGTH} characters long`);
  return Buffer.from(text, 'utf8');
}

/** Reads a secret file, refusing one that others may read (it must be mode 0600 or stricter). */
export function readSecretFile(path: string): string {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new Error(`cannot read the secret file ${path}: no such file`);
  }
  if ((mode & 0o077) !== 0) {
    throw new Error(`the secret file ${path} is readable by others (mode ${(mode & 0o777).toString(8)}): run chmod 600 ${path}`);
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`the secret in ${path} must be at least ${MIN_SECRET_LENGTH} characters long`);
  return secret;
}

/** Makes the secret in `path` this process's (and its children's) secret. */
export function useSecretFile(path: string): void {
  process.env[SECRET_ENV] = readSecretFile(path);
}

/** Gives this process a random secret unless it has one; for clusters it starts itself. */
export function ensureRunSecret(): void {
  if (!process.env[SECRET_ENV]?.trim()) process.env[SECRET_ENV] = randomBytes(32).toString('hex');
}
