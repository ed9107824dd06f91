/** The built-in `text` format: one row per line, in a `value` string column (Spark's text source). */
import type { RDD } from '@flint/rdd';
import { StructField, StructType, StringType } from '../types/index.js';
import type { RowSource } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';
import { CodegenContext } from '../physical/codegen/codegen-context.js';
import { streamPartitionsGenerated } from '../physical/pipeline.js';
import { registerFormatReader } from './data-sources.js';

class TextLines implements RowSource {
  constructor(readonly paths: readonly string[]) {}
  get description(): string {
    return `Scan text ${this.paths.join(', ')}`;
  }
  toRdd(host: SqlHost): RDD<unknown[]> {
    const lines = this.paths.map((p) => host.textFile(p));
    const all = lines.length === 1 ? lines[0] : lines.reduce((a, b) => a.union(b));
    return streamPartitionsGenerated(all, new CodegenContext(), `for (const line of input) yield [line];`, 'read.text');
  }
}

registerFormatReader('text', (session, paths, _options, schema) =>
  session.relation(schema ?? new StructType([new StructField('value', new StringType(), true)]), new TextLines(paths)),
);
