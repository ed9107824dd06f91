/**
 * Master URLs, as in Spark: `local` (1 thread), `local[N]`, `local[*]` (one thread per core),
 * `local[N,F]` (F = max task failures), `local-cluster[W,T]` (W worker processes of T threads on
 * loopback) and `flint://host:port` (a running cluster's namenode).
 */
import { availableParallelism } from 'node:os';

export type Master =
  | { readonly kind: 'local'; readonly threads: number; readonly maxFailures: number | undefined }
  | { readonly kind: 'local-cluster'; readonly workers: number; readonly threadsPerWorker: number }
  | { readonly kind: 'cluster'; readonly host: string; readonly port: number };

export function parseMaster(url: string): Master {
  const text = url.trim();
  if (text === 'local') return { kind: 'local', threads: 1, maxFailures: undefined };
  let match = /^local\[(\*|\d+)(?:\s*,\s*(\d+))?\]$/.exec(text);
  if (match) {
    const threads = match[1] === '*' ? availableParallelism() : Number(match[1]);
    if (threads < 1) throw invalid(url, 'the number of threads must be at least 1');
    return { kind: 'local', threads, maxFailures: match[2] === undefined ? undefined : Number(match[2]) };
  }
  match = /^local-cluster\[\s*(\d+)\s*,\s*(\d+)\s*\]$/.exec(text);
  if (match) {
    const workers = Number(match[1]);
    const threadsPerWorker = Number(match[2]);
    if (workers < 1 || threadsPerWorker < 1) throw invalid(url, 'workers and threads must be at least 1');
    return { kind: 'local-cluster', workers, threadsPerWorker };
  }
  match = /^flint:\/\/([^:/\s]+):(\d+)\/?$/.exec(text);
  if (match) {
    const port = Number(match[2]);
    if (port < 1 || port > 65535) throw invalid(url, 'the port must be between 1 and 65535');
    return { kind: 'cluster', host: match[1], port };
  }
  throw invalid(url, 'expected local, local[N], local[*], local[N,F], local-cluster[W,T] or flint://host:port');
}

function invalid(url: string, why: string): Error {
  return new Error(`Could not parse master URL '${url}': ${why}`);
}
