/**
 * `--secret-file FILE` and `--insecure`, and the TLS files, shared by the commands that start
 * servers (`flint namenode`, `flint worker`). A server without the cluster secret would let anyone
 * who can reach it read, delete or run anything, so it does not start without one unless told
 * `--insecure`. TLS is optional (@flint/net's tls.ts); one half set up stops the start.
 */
import { clusterSecret, requireServerTlsIfOn, useSecretFile, useTlsFiles } from '@flint/net';

export const SECRET_USAGE = `  [--secret-file FILE]       the cluster secret (mode 0600); FLINT_SECRET in the environment also sets it
  [--insecure]               run without authentication (anyone who can reach the ports may use them)
  [--tls-cert FILE --tls-key FILE --tls-ca FILE]
                             TLS on every port: this server's certificate and key, and the CA that
                             the servers it dials must chain to (PEM; FLINT_TLS_CERT/_KEY/_CA)`;

export const secretArgOptions = {
  'secret-file': { type: 'string' },
  insecure: { type: 'boolean' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'tls-ca': { type: 'string' },
} as const;

/** Loads the secret the flags name, or refuses to go on without one; says loudly when insecure. */
export function applySecretFlags(
  command: string,
  values: { 'secret-file'?: string; insecure?: boolean; 'tls-cert'?: string; 'tls-key'?: string; 'tls-ca'?: string },
  log: (line: string) => void,
): void {
  useTlsFiles({ cert: values['tls-cert'], key: values['tls-key'], ca: values['tls-ca'] });
  requireServerTlsIfOn();
  if (values['secret-file'] !== undefined) useSecretFile(values['secret-file']);
  if (clusterSecret() !== undefined) return;
  if (!values.insecure) {
    throw new Error(`no cluster secret: set FLINT_SECRET or pass --secret-file FILE (or --insecure to run ${command} without authentication)`);
  }
  log(`WARNING: ${command} runs with --insecure: no authentication, anyone who can reach its ports can read, change and delete data and run code`);
}
