import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatStatement, parseQueryText, parseSql } from '../../src/parser/index.js';
import { exprJson } from '../../src/expr/expression.js';

/** A syntax tree without where its nodes were written (their origins differ between two texts of it). */
const bareTree = (node: unknown): unknown => JSON.parse(exprJson(node));
const queriesDir = fileURLToPath(new URL('../../../../benchmarks/tpch/queries/', import.meta.url));

/** The number of columns of each TPC-H query's answer (TPC-H specification 3.0, §2.4). */
const ANSWER_COLUMNS = [10, 8, 4, 2, 2, 1, 4, 2, 3, 8, 2, 3, 2, 1, 5, 4, 1, 6, 1, 2, 2, 3];

describe('the 22 TPC-H queries in their standard text', () => {
  it.each(ANSWER_COLUMNS.map((columns, i) => [i + 1, columns] as const))('Q%i parses, with its answer’s columns', (n, columns) => {
    const sql = readFileSync(`${queriesDir}q${String(n).padStart(2, '0')}.sql`, 'utf8');
    const query = parseQueryText(sql);
    expect(query.body.kind).toBe('select');
    if (query.body.kind === 'select') expect(query.body.items).toHaveLength(columns);
    // The normalized text is a faithful reading: it parses back to the same tree.
    expect(bareTree(parseSql(formatStatement(query)))).toEqual(bareTree(query));
  });
});
