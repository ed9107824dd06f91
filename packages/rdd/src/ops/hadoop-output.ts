/**
 * Saving [key, value] RDDs as Hadoop does (PySpark's saveAsSequenceFile, saveAsHadoopFile,
 * saveAsNewAPIHadoopFile and the *Dataset forms that take everything from a Hadoop conf): the
 * output formats that write files, TextOutputFormat (`key<TAB>value` lines) and
 * SequenceFileOutputFormat (Hadoop's SequenceFile, read by Hadoop and Spark as they read their own).
 */
import type { JobOutput, TextCodec } from '../context.js';
import type { RDD } from '../rdd.js';

export type HadoopConf = Readonly<Record<string, string>>;

const OUTPUT_FORMATS: Record<string, 'text' | 'sequence'> = {
  'org.apache.hadoop.mapred.TextOutputFormat': 'text',
  'org.apache.hadoop.mapreduce.lib.output.TextOutputFormat': 'text',
  'org.apache.hadoop.mapred.SequenceFileOutputFormat': 'sequence',
  'org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat': 'sequence',
};

const CODECS: Record<string, TextCodec> = {
  'org.apache.hadoop.io.compress.GzipCodec': 'gzip',
  'org.apache.hadoop.io.compress.DefaultCodec': 'deflate',
};

export interface HadoopOutput {
  readonly path: string;
  readonly outputFormatClass: string;
  readonly keyClass?: string;
  readonly valueClass?: string;
  readonly compressionCodecClass?: string;
  /** SequenceFiles: Hadoop's io.seqfile compression type, RECORD unless said (as Hadoop's default). */
  readonly compressionType?: string;
}

export async function saveAsHadoop(rdd: RDD<unknown>, output: HadoopOutput, operation: string): Promise<void> {
  const format = OUTPUT_FORMATS[output.outputFormatClass];
  if (!format) throw new Error(`${operation}: output format ${output.outputFormatClass} is not supported: use one of ${Object.keys(OUTPUT_FORMATS).join(', ')}`);
  const codecClass = output.compressionCodecClass ?? undefined;
  if (codecClass !== undefined && !CODECS[codecClass]) throw new Error(`${operation}: compression codec ${codecClass} is not available: use one of ${Object.keys(CODECS).join(', ')}`);
  let job: JobOutput;
  if (format === 'text') {
    const keyValue = { ...(output.keyClass && { keyClass: output.keyClass }), ...(output.valueClass && { valueClass: output.valueClass }) };
    job = codecClass ? { kind: 'saveText', dir: output.path, codec: CODECS[codecClass], keyValue } : { kind: 'saveText', dir: output.path, keyValue };
  } else {
    const compression = codecClass === undefined ? 'NONE' : (output.compressionType ?? 'RECORD').toUpperCase();
    if (compression !== 'NONE' && compression !== 'RECORD' && compression !== 'BLOCK') throw new Error(`${operation}: compression type ${output.compressionType} is not one of NONE, RECORD, BLOCK`);
    job = { kind: 'saveSequence', dir: output.path, compression, codec: codecClass, keyClass: output.keyClass ?? undefined, valueClass: output.valueClass ?? undefined };
  }
  await rdd.context.submitJob(rdd, { output: job, description: `${operation} ${output.path}`, source: rdd });
}

/** The output a Hadoop job conf describes (new-API names, or the old mapred ones). */
export function outputFromConf(conf: HadoopConf, operation: string): HadoopOutput {
  const get = (...names: string[]): string | undefined => names.map((name) => conf[name]).find((value) => value !== undefined);
  const path = get('mapreduce.output.fileoutputformat.outputdir', 'mapred.output.dir');
  const outputFormatClass = get('mapreduce.job.outputformat.class', 'mapred.output.format.class');
  if (path === undefined) throw new Error(`${operation}: the conf names no output directory (mapreduce.output.fileoutputformat.outputdir)`);
  if (outputFormatClass === undefined) throw new Error(`${operation}: the conf names no output format (mapreduce.job.outputformat.class)`);
  const compress = get('mapreduce.output.fileoutputformat.compress', 'mapred.output.compress') === 'true';
  return {
    path,
    outputFormatClass,
    keyClass: get('mapreduce.job.output.key.class', 'mapred.output.key.class'),
    valueClass: get('mapreduce.job.output.value.class', 'mapred.output.value.class'),
    compressionCodecClass: compress ? (get('mapreduce.output.fileoutputformat.compress.codec', 'mapred.output.compression.codec') ?? 'org.apache.hadoop.io.compress.DefaultCodec') : undefined,
    compressionType: get('mapreduce.output.fileoutputformat.compress.type', 'mapred.output.compression.type'),
  };
}

/** Converters are Java classes in PySpark; Flint converts Writables itself. */
export function refuseConverters(operation: string, ...converters: unknown[]): void {
  if (converters.some((converter) => converter !== undefined && converter !== null)) {
    throw new Error(`${operation}: key and value converters are Java classes in PySpark; Flint converts Writables to JS values itself, so pass none`);
  }
}
