/**
 * `dfs://` URLs: `dfs://host:port/path` names a namenode explicitly; `dfs:///path` means the
 * default namenode, taken from the FLINT_NAMENODE environment variable (HOST:PORT).
 */
import { formatAddress, parseAddress, type NodeAddress } from '../address.js';
import { DfsError } from '../errors.js';
import { normalizePath } from '../namenode/namespace.js';

export const DEFAULT_NAMENODE_PORT = 9000;

export interface DfsUrl {
  namenode: NodeAddress;
  path: string;
}

export function isDfsUrl(text: string): boolean {
  return text.startsWith('dfs://');
}

export function defaultNamenode(env: NodeJS.ProcessEnv = process.env): NodeAddress {
  const configured = env.FLINT_NAMENODE?.trim();
  if (!configured) throw new DfsError('INVALID_ARGUMENT', 'no namenode given: pass --namenode HOST:PORT or set FLINT_NAMENODE=HOST:PORT');
  return parseAddress(configured.replace(/^dfs:\/\//, '').replace(/\/$/, ''), DEFAULT_NAMENODE_PORT);
}

export function parseDfsUrl(url: string, env: NodeJS.ProcessEnv = process.env): DfsUrl {
  const match = /^dfs:\/\/([^/]*)(\/.*)?$/.exec(url);
  if (!match) throw new DfsError('INVALID_ARGUMENT', `"${url}" is not a dfs:// URL (expected dfs://HOST:PORT/PATH or dfs:///PATH)`);
  const namenode = match[1] === '' ? defaultNamenode(env) : parseAddress(match[1], DEFAULT_NAMENODE_PORT);
  return { namenode, path: normalizePath(match[2] ?? '/') };
}

export function formatDfsUrl(url: DfsUrl): string {
  return `dfs://${formatAddress(url.namenode)}${url.path}`;
}
