/**
 * The Parquet scan's decoding alone, on one thread: `npx tsx benchmarks/sql/parquet-decode.ts
 * [--file PATH] [--columns a,b] [--row-groups N] [--passes N]` reads the file's first row groups
 * (default all) with the columns given (default the sales group-by's: region, product_id,
 * quantity, price) as a task's scan does (strings kept as dictionary codes), and prints each
 * pass's CPU milliseconds per row group. The first pass is what a task thread pays: a thread
 * reads only a few row groups, and its first one also pays for compiling the decoders and for
 * first touching the memory of its columns.
 */
import { parseArgs } from 'node:util';
import { cachedParquetFooter, readRowGroupColumns } from '../../packages/sql/src/io/parquet/parquet-read.js';

const GROUP_BY_COLUMNS = 'region,product_id,quantity,price';

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string', default: 'benchmarks/data/sql-10000000/sales.parquet' },
      columns: { type: 'string', default: GROUP_BY_COLUMNS },
      'row-groups': { type: 'string' },
      passes: { type: 'string', default: '3' },
    },
  });
  return { file: values.file, columns: values.columns.split(','), rowGroups: values['row-groups'], passes: Number(values.passes) };
}

/** CPU milliseconds (user and system) that `run` takes. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

function main(argv: string[]): void {
  const { file, columns, rowGroups, passes } = options(argv);
  const footer = cachedParquetFooter(file);
  const positions = columns.map((name) => {
    const position = footer.schema.fields.findIndex((field) => field.name === name);
    if (position < 0) throw new Error(`${file} has no column '${name}' (it has ${footer.schema.fields.map((f) => f.name).join(', ')})`);
    return position;
  });
  const groups = Math.min(footer.metadata.row_groups.length, rowGroups === undefined ? Infinity : Number(rowGroups));
  console.log(`${file}: ${groups} row groups, columns ${columns.join(', ')}`);
  for (let pass = 0; pass < passes; pass++) {
    const times = Array.from({ length: groups }, (_, group) => cpuMs(() => readRowGroupColumns(file, footer, group, positions, footer.schema, true)));
    const total = times.reduce((sum, ms) => sum + ms, 0);
    console.log(`pass ${pass + 1}: ${total.toFixed(0)} ms CPU (per row group ${times.map((ms) => ms.toFixed(0)).join(' ')})`);
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`parquet-decode: ${(error as Error).message}`);
  process.exitCode = 1;
}
