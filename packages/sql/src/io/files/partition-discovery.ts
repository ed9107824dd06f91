/**
 * Hive-style partition directories read back as columns (Spark's partition discovery): a file
 * under `base/year=2024/region=eu/` has the columns `year` and `region` with those values,
 * typed as Spark infers them (int, bigint, double, else string; `__HIVE_DEFAULT_PARTITION__`
 * is null). The columns follow the files' own columns.
 */
import { relative, resolve, sep } from 'node:path';
import { DataType, DoubleType, IntegerType, LongType, StringType, StructField, StructType } from '../../types/index.js';
import { HIVE_DEFAULT_PARTITION } from '../write/write-partition.js';
import { localPath } from './local-paths.js';

export interface Partitioning {
  /** The partition columns (empty when the files are not under `col=value` directories). */
  schema: StructType;
  /** Each file's values, in the engine's form. */
  valuesOf(file: string): unknown[];
}

function unescapePathName(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function pairsOf(file: string, bases: readonly string[]): [string, string][] {
  const base = bases.find((b) => file.startsWith(b + sep)) ?? '';
  const dirs = relative(base, file).split(sep).slice(0, -1);
  return dirs.filter((d) => d.includes('=')).map((d) => {
    const i = d.indexOf('=');
    return [unescapePathName(d.slice(0, i)), unescapePathName(d.slice(i + 1))];
  });
}

function typeOf(values: readonly string[]): DataType {
  const present = values.filter((v) => v !== HIVE_DEFAULT_PARTITION);
  if (present.length > 0 && present.every((v) => /^-?\d+$/.test(v))) {
    return present.every((v) => Math.abs(Number(v)) <= 2147483647) ? new IntegerType() : new LongType();
  }
  if (present.length > 0 && present.every((v) => v.trim() !== '' && Number.isFinite(Number(v)))) return new DoubleType();
  return new StringType();
}

export function discoverPartitions(givenPaths: readonly string[], files: readonly string[]): Partitioning {
  const bases = givenPaths.map((p) => resolve(localPath(p)));
  const perFile = new Map(files.map((f) => [f, pairsOf(f, bases)]));
  const names = perFile.get(files[0])?.map(([k]) => k) ?? [];
  for (const [file, pairs] of perFile) {
    if (pairs.map(([k]) => k).join('/') !== names.join('/')) {
      throw new Error(`Conflicting partition directories: ${file} is under ${pairs.map(([k]) => k).join('/') || 'no partition'}, expected ${names.join('/')}`);
    }
  }
  const types = names.map((_, i) => typeOf([...perFile.values()].map((pairs) => pairs[i][1])));
  const schema = new StructType(names.map((n, i) => new StructField(n, types[i], true)));
  return {
    schema,
    valuesOf(file) {
      return (perFile.get(file) ?? []).map(([, v], i) => {
        if (v === HIVE_DEFAULT_PARTITION) return null;
        return types[i] instanceof StringType ? v : Number(v);
      });
    },
  };
}
