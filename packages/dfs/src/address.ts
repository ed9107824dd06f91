/** host:port addresses of namenodes and datanodes. */
import { DfsError } from './errors.js';

export interface NodeAddress {
  host: string;
  port: number;
}

export function formatAddress(address: NodeAddress): string {
  return `${address.host}:${address.port}`;
}

export function parseAddress(text: string, defaultPort?: number): NodeAddress {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text.trim());
  const port = match?.[2] !== undefined ? Number(match[2]) : defaultPort;
  if (!match || port === undefined || port > 65535) {
    throw new DfsError('INVALID_ARGUMENT', `invalid address "${text}": expected HOST:PORT`);
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}
