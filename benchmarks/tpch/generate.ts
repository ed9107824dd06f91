/**
 * The TPC-H data generator: `tsx benchmarks/tpch/generate.ts --sf 0.01 --out dir` writes the
 * eight tables as `<table>.csv` (header row, ',' separated; see schema.ts) into `dir`.
 * The output depends only on the scale factor.
 */
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tpchScale } from './scale.js';
import { writeCustomer } from './tables/customer.js';
import { writeNationAndRegion } from './tables/nation-region.js';
import { writeOrdersAndLineitem } from './tables/orders.js';
import { writePartAndPartSupp } from './tables/part.js';
import { writeSupplier } from './tables/supplier.js';
import { TextPool } from './text-pool.js';

export function generateTpch(sf: number, outDir: string): void {
  const scale = tpchScale(sf);
  mkdirSync(outDir, { recursive: true });
  const pool = new TextPool();
  writeNationAndRegion(outDir, pool);
  writeSupplier(outDir, scale, pool);
  writeCustomer(outDir, scale, pool);
  writePartAndPartSupp(outDir, scale, pool);
  writeOrdersAndLineitem(outDir, scale, pool);
}

function parseArgs(argv: string[]): { sf: number; out: string } {
  let sf: number | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--sf' && value !== undefined) (sf = Number(value)), i++;
    else if (flag === '--out' && value !== undefined) (out = value), i++;
    else throw new Error(`unknown argument '${flag}'; usage: generate.ts --sf <scale factor> --out <dir>`);
  }
  if (sf === undefined || out === undefined) throw new Error('usage: generate.ts --sf <scale factor> --out <dir>');
  return { sf, out };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { sf, out } = parseArgs(process.argv.slice(2));
    const started = Date.now();
    generateTpch(sf, out);
    console.log(`TPC-H SF ${sf} written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
