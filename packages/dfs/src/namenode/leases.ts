/**
 * Files under construction. A writer holds a lease on its path from `create` to `complete`;
 * the lease dies with the writer's connection, and its unfinished blocks are abandoned.
 */
import { randomBytes } from 'node:crypto';
import { DfsError } from '../errors.js';
import type { BlockOwner } from './block-map.js';

export interface Lease extends BlockOwner {
  leaseId: string;
  path: string;
  connectionId: number;
  blockSize: number;
  overwrite: boolean;
  blockIds: string[];
}

export class Leases {
  private readonly byPath = new Map<string, Lease>();

  isHeld(path: string): boolean {
    return this.byPath.has(path);
  }

  grant(fields: Omit<Lease, 'leaseId' | 'blockIds'>): Lease {
    if (this.byPath.has(fields.path)) throw new DfsError('ALREADY_EXISTS', `${fields.path} is being written by another client`);
    const lease: Lease = { ...fields, leaseId: randomBytes(8).toString('hex'), blockIds: [] };
    this.byPath.set(fields.path, lease);
    return lease;
  }

  get(path: string, leaseId: string): Lease {
    const lease = this.byPath.get(path);
    if (!lease || lease.leaseId !== leaseId) throw new DfsError('LEASE_EXPIRED', `no open write of ${path} with this lease`);
    return lease;
  }

  release(path: string): void {
    this.byPath.delete(path);
  }

  heldBy(connectionId: number): Lease[] {
    return [...this.byPath.values()].filter((lease) => lease.connectionId === connectionId);
  }
}
