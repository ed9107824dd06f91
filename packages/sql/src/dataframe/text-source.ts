/** The built-in `text` format: one row per line, in a `value` string column (Spark's text source). */
import type { RDD } from '@flint/rdd';
import { StructField, StructType, StringType } from '../types/index.js';
import type { RowSource } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';
import { CodegenContext } from '../physical/codegen/codegen-context.js';
import { streamPartitionsGenerated } from '../physical/pipeline.js';
import { registerFormatReader } from './data-sources.js';
import { expandLocalPaths } from '../io/files/local-paths.js';
import { partitionFileBlocks, whileReadingCode } from '../io/input-file.js';

class TextLines implements RowSource {
  readonly format = 'text';
  constructor(readonly paths: readonly string[]) {}
  get description(): string {
    return `Scan text ${this.paths.join(', ')}`;
  }
  get inputFiles(): readonly string[] {
    return this.paths.every((p) => !p.startsWith('dfs://')) ? expandLocalPaths(this.paths) : this.paths;
  }
  /** Each partition's lines come from one block of a file (a DFS block split's too): the input file block of its rows (input_file_name). */
  toRdd(host: SqlHost): RDD<unknown[]> {
    const local = this.paths.every((p) => !p.startsWith('dfs://'));
    const rows = (local ? expandLocalPaths(this.paths) : this.paths).map((path) => {
      const lines = host.textFile(path);
      const ctx = new CodegenContext();
      ctx.env.inputBlocks = partitionFileBlocks(lines);
      const body = whileReadingCode(`env.inputBlocks[${ctx.partitionIndex()}]`, `for (const line of input) yield [line];`);
      return streamPartitionsGenerated<unknown[]>(lines, ctx, body, 'read.text');
    });
    return rows.length === 1 ? rows[0]! : rows.reduce((a, b) => a.union(b));
  }
}

registerFormatReader('text', (session, paths, _options, schema) =>
  session.relation(schema ?? new StructType([new StructField('value', new StringType(), true)]), new TextLines(paths)),
);
