/**
 * `--secret-file FILE` and `--insecure`, shared by the commands that start servers
 * (`flint namenode`, `flint worker`). A server without the cluster secret would let anyone who can
 * reach it read, delete or run anything, so it does not start without one unless told `--insecure`.
 */
import { clusterSecret, useSecretFile } from '@flint/net';

export const SECRET_USAGE = `  [--secret-file FILE]       the cluster secret (mode 0600); FLINT_SECRET in the environment also sets it
  [--insecure]               run without authentication (anyone who can reach the ports may use them)`;

export const secretArgOptions = {
  'secret-file': { type: 'string' },
  insecure: { type: 'boolean' },
} as const;

/** Loads the secret the flags name, or refuses to go on without one; says loudly when insecure. */
export function applySecretFlags(command: string, values: { 'secret-file'?: string; insecure?: boolean }, log: (line: string) => void): void {
  if (values['secret-file'] !== undefined) useSecretFile(values['secret-file']);
  if (clusterSecret() !== undefined) return;
  if (!values.insecure) {
    throw new Error(`no cluster secret: set FLINT_SECRET or pass --secret-file FILE (or --insecure to run ${command} without authentication)`);
  }
  log(`WARNING: ${command} runs with --insecure: no authentication, anyone who can reach its ports can read, change and delete data and run code`);
}
