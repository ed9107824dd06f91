/**
 * Runs one of the 22 TPC-H queries with fc.sql on generated data (generated once per scale
 * factor into the temp directory, or read from the directory given) and shows the answer.
 *
 *   npx tsx examples/tpch.ts --query 5 [--scale 0.01] [--master URL] [--top N] [data directory]
 */
import { runExample } from './shared/cli.js';
import { parseScale, tpchData, tpchDataFrame } from './tpch/query.js';

const USAGE = 'npx tsx examples/tpch.ts --query N [--scale SF] [--master URL] [--top N] [data directory]';

runExample('tpch', USAGE, async (fc, args) => {
  if (args.options.query === undefined) throw new Error(`--query is required (1 to 22); usage: ${USAGE}`);
  const n = Number(args.options.query);
  const dataDir = args.input ?? tpchData(parseScale(args.options.scale));
  const answer = tpchDataFrame(fc, dataDir, n);
  console.log(`TPC-H q${n} over ${dataDir}:`);
  await answer.show(args.top, false);
}, ['query', 'scale']);
