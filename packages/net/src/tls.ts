/**
 * Optional TLS on every transport. It is on when FLINT_TLS_CA names a CA file: every connection
 * this process dials then uses TLS and accepts only a server whose certificate chains to that CA
 * and names the host dialed. A server (framed TCP or HTTP) uses TLS with the certificate and key
 * in FLINT_TLS_CERT and FLINT_TLS_KEY; `flint namenode` and `flint worker` need them when TLS is
 * on, a driver (only a client, but for its web UI) may go without and serves its UI in clear. Like the
 * secret, they live in the environment so child processes inherit them; `--tls-cert`, `--tls-key`
 * and `--tls-ca` set them. TLS adds confidentiality and server identity; the HMAC handshake stays.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const TLS_ENV = { cert: 'FLINT_TLS_CERT', key: 'FLINT_TLS_KEY', ca: 'FLINT_TLS_CA' } as const;

export interface ServerTls {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca: Buffer;
}

const files = new Map<string, Buffer>();

function readOnce(variable: string, path: string): Buffer {
  let bytes = files.get(path);
  if (!bytes) {
    try {
      bytes = readFileSync(path);
    } catch {
      throw new Error(`cannot read the TLS file ${path} (${variable})`);
    }
    files.set(path, bytes);
  }
  return bytes;
}

function fileOf(kind: keyof typeof TLS_ENV, env: NodeJS.ProcessEnv): Buffer | undefined {
  const path = env[TLS_ENV[kind]]?.trim();
  return path ? readOnce(TLS_ENV[kind], path) : undefined;
}

/** The CA that servers this process dials must chain to; undefined when TLS is off. */
export function clientTls(env: NodeJS.ProcessEnv = process.env): { readonly ca: Buffer } | undefined {
  const ca = fileOf('ca', env);
  return ca ? { ca } : undefined;
}

/** What a server of this process presents; undefined without a certificate, an error when half set up. */
export function serverTls(env: NodeJS.ProcessEnv = process.env): ServerTls | undefined {
  const [cert, key, ca] = [fileOf('cert', env), fileOf('key', env), fileOf('ca', env)];
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new Error('TLS needs both --tls-cert FILE and --tls-key FILE');
  if (!ca) throw new Error('a server with --tls-cert and --tls-key also needs --tls-ca FILE (the CA its peers are checked against)');
  return { cert, key, ca };
}

/** For the commands that start cluster servers: with TLS on, they must serve it. */
export function requireServerTlsIfOn(env: NodeJS.ProcessEnv = process.env): void {
  if (clientTls(env) && !serverTls(env)) throw new Error('TLS is on (--tls-ca) but this server has no certificate: pass --tls-cert FILE and --tls-key FILE');
}

/** Makes the TLS files these flags name this process's (and its children's). */
export function useTlsFiles(flags: { cert?: string; key?: string; ca?: string }): void {
  for (const kind of ['cert', 'key', 'ca'] as const) {
    const path = flags[kind];
    if (path === undefined) continue;
    readOnce(TLS_ENV[kind], resolve(path));
    process.env[TLS_ENV[kind]] = resolve(path);
  }
}
