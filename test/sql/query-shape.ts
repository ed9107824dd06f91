/** A query's schema as Spark's golden files print it, and its first row's first value. */
import type { FlintContext } from '@flint/driver';

/** `struct<name:type,...>`, the `-- !query schema` line of Spark's sql-tests/results files. */
export const schemaOf = (fc: FlintContext, query: string): string => `struct<${fc.sql(query).dtypes.map(([name, type]) => `${name}:${type}`).join(',')}>`;

export const firstValue = async (fc: FlintContext, query: string): Promise<unknown> => Object.values((await fc.sql(query).collect())[0]!)[0];
