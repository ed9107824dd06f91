/**
 * Data type syntax inside SQL (CAST(x AS type), x::type). The parser only checks the shape and
 * returns the type as DDL text with lower-case keywords (`decimal(12,2)`, `map<string,array<int>>`,
 * `struct<a:int,b:string>`); interpreting it is the types module's job (DESIGN.md §8, DDL).
 */
import type { Cursor } from './cursor.js';

/** Spark's type names and their aliases, with how many numeric parameters each accepts. */
const PRIMITIVE_TYPES: Record<string, readonly number[]> = {
  BOOLEAN: [0], TINYINT: [0], BYTE: [0], SMALLINT: [0], SHORT: [0], INT: [0], INTEGER: [0],
  BIGINT: [0], LONG: [0], FLOAT: [0], REAL: [0], DOUBLE: [0], DATE: [0], TIMESTAMP: [0],
  TIMESTAMP_NTZ: [0], TIMESTAMP_LTZ: [0], STRING: [0], BINARY: [0], VOID: [0], VARIANT: [0],
  CHAR: [1], CHARACTER: [1], VARCHAR: [1], DECIMAL: [0, 1, 2], DEC: [0, 1, 2], NUMERIC: [0, 1, 2],
};

const INTERVAL_FIELDS = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];

export function parseDataType(c: Cursor): string {
  const token = c.peek();
  if (token.kind !== 'word') throw c.error('expected a data type');
  const name = token.upper;
  if (name === 'ARRAY' && c.isOp('<', 1)) {
    c.next();
    c.next();
    const element = parseDataType(c);
    closeAngle(c);
    return `array<${element}>`;
  }
  if (name === 'MAP' && c.isOp('<', 1)) {
    c.next();
    c.next();
    const key = parseDataType(c);
    c.expectOp(',');
    const value = parseDataType(c);
    closeAngle(c);
    return `map<${key},${value}>`;
  }
  if (name === 'STRUCT') return parseStructType(c);
  if (name === 'INTERVAL') return parseIntervalType(c);
  const arities = PRIMITIVE_TYPES[name];
  if (!arities) {
    throw c.error(`unsupported data type "${token.text}"; use one of ${Object.keys(PRIMITIVE_TYPES).join(', ').toLowerCase()}, array<...>, map<...>, struct<...>`);
  }
  c.next();
  const params: number[] = [];
  if (c.acceptOp('(')) {
    do {
      const param = c.peek();
      if (param.kind !== 'integer') throw c.error('expected an integer type parameter');
      params.push(Number(c.next().value));
    } while (c.acceptOp(','));
    c.expectOp(')');
  }
  if (!arities.includes(params.length)) {
    throw c.error(`${name.toLowerCase()} takes ${arities.map(String).join(' or ')} parameter(s), not ${params.length}`, token);
  }
  return params.length ? `${name.toLowerCase()}(${params.join(',')})` : name.toLowerCase();
}

/** struct<name: type [NOT NULL] [COMMENT '...'], ...>; the colon is optional, as in Spark. */
function parseStructType(c: Cursor): string {
  c.next();
  if (c.acceptOp('<>')) return 'struct<>';
  c.expectOp('<');
  const fields: string[] = [];
  if (!c.isOp('>')) {
    do {
      const name = c.peek().kind === 'word' ? c.next().value : c.identifier('a field name');
      c.acceptOp(':');
      let field = `${quoteFieldName(name)}:${parseDataType(c)}`;
      if (c.isWord('NOT') && c.isWord('NULL', 1)) {
        c.next();
        c.next();
        field += ' not null';
      }
      if (c.acceptWord('COMMENT')) {
        const comment = c.peek();
        if (comment.kind !== 'string') throw c.error('expected a comment string');
        field += ` comment '${c.next().value.replace(/'/g, "\\'")}'`;
      }
      fields.push(field);
    } while (c.acceptOp(','));
  }
  closeAngle(c);
  return `struct<${fields.join(',')}>`;
}

/** INTERVAL YEAR [TO MONTH], INTERVAL DAY [TO SECOND], ... (ANSI interval types). */
function parseIntervalType(c: Cursor): string {
  c.next();
  const from = c.peek();
  if (from.kind !== 'word' || !INTERVAL_FIELDS.includes(from.upper)) throw c.error('expected an interval field (YEAR, MONTH, DAY, HOUR, MINUTE or SECOND)');
  c.next();
  if (!c.acceptWord('TO')) return `interval ${from.upper.toLowerCase()}`;
  const to = c.peek();
  if (to.kind !== 'word' || !INTERVAL_FIELDS.includes(to.upper)) throw c.error('expected an interval field (YEAR, MONTH, DAY, HOUR, MINUTE or SECOND)');
  c.next();
  return `interval ${from.upper.toLowerCase()} to ${to.upper.toLowerCase()}`;
}

function closeAngle(c: Cursor): void {
  c.splitCloseAngle();
  c.expectOp('>');
}

function quoteFieldName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}
