/** Generated TPC-H data in a temporary directory, for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTpch } from '../../benchmarks/tpch/generate.js';

export interface TpchFixture {
  readonly dir: string;
  remove(): void;
}

export function generateTpchFixture(sf: number): TpchFixture {
  const dir = mkdtempSync(join(tmpdir(), `flint-tpch-${sf}-`));
  generateTpch(sf, dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
