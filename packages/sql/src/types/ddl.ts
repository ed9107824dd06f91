/**
 * Spark's DDL type strings: a single type (`int`, `decimal(10,2)`, `array<struct<a:int>>`,
 * `map<string,int>`) or a column list (`'age INT NOT NULL, name STRING COMMENT "who"'`).
 * `parseDataType` accepts either, as PySpark's `_parse_datatype_string` does; a column list
 * becomes a StructType. Keywords and type names are case-insensitive.
 */
import {
  BinaryType,
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  StringType,
  TimestampNTZType,
  TimestampType,
} from './data-type.js';
import { ArrayType, MapType, StructField, StructType, type FieldMetadata } from './complex-types.js';
import { DAY_TIME_FIELDS, DayTimeIntervalType, YEAR_MONTH_FIELDS, YearMonthIntervalType } from './interval-types.js';
import { CalendarIntervalType } from './calendar-interval.js';

type TokenKind = 'word' | 'quotedName' | 'string' | 'number' | 'punct' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

const SIMPLE_TYPES: Record<string, () => DataType> = {
  boolean: () => new BooleanType(),
  tinyint: () => new ByteType(),
  byte: () => new ByteType(),
  smallint: () => new ShortType(),
  short: () => new ShortType(),
  int: () => new IntegerType(),
  integer: () => new IntegerType(),
  bigint: () => new LongType(),
  long: () => new LongType(),
  float: () => new FloatType(),
  real: () => new FloatType(),
  double: () => new DoubleType(),
  date: () => new DateType(),
  timestamp: () => new TimestampType(),
  timestamp_ltz: () => new TimestampType(),
  timestamp_ntz: () => new TimestampNTZType(),
  string: () => new StringType(),
  binary: () => new BinaryType(),
  void: () => new NullType(),
};
const DECIMAL_NAMES = new Set(['decimal', 'dec', 'numeric']);
// Spark keeps char(n)/varchar(n) as strings once data is read; Flint has no length-checked strings.
const CHAR_NAMES = new Set(['char', 'character', 'varchar']);

class DdlError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_0-9]/.test(c)) {
      const start = i;
      while (i < text.length && /[A-Za-z_0-9]/.test(text[i])) i++;
      const word = text.slice(start, i);
      tokens.push({ kind: /^\d+$/.test(word) ? 'number' : 'word', text: word, pos: start });
    } else if (c === '`') {
      const start = i;
      let name = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new DdlError('[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.', text.length);
        if (text[i] === '`') {
          if (text[i + 1] === '`') {
            name += '`';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += text[i++];
      }
      tokens.push({ kind: 'quotedName', text: name, pos: start });
    } else if (c === "'" || c === '"') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new DdlError(`[PARSE_SYNTAX_ERROR] Syntax error at or near ${c}: unterminated string.`, start);
        if (text[i] === '\\' && i + 1 < text.length) {
          value += unescape(text[i + 1]);
          i += 2;
        } else if (text[i] === c) {
          i++;
          break;
        } else {
          value += text[i++];
        }
      }
      tokens.push({ kind: 'string', text: value, pos: start });
    } else if ('<>(),:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, pos: i });
      i++;
    } else {
      throw new DdlError(`[PARSE_SYNTAX_ERROR] Syntax error at or near '${c}'.`, i);
    }
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

function unescape(c: string): string {
  return ({ n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0' } as Record<string, string>)[c] ?? c;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  get secondTokenIsEnd(): boolean {
    return this.tokens.length <= 2;
  }
  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }
  private isWord(w: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text.toLowerCase() === w;
  }
  private fail(token = this.peek()): never {
    const near = token.kind === 'end' ? 'end of input' : `'${token.text}'`;
    throw new DdlError(`[PARSE_SYNTAX_ERROR] Syntax error at or near ${near}.`, token.pos);
  }
  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.fail();
    this.i++;
  }
  private expectNumber(): number {
    const t = this.next();
    if (t.kind !== 'number') this.fail(t);
    return Number(t.text);
  }
  expectEnd(): void {
    if (this.peek().kind !== 'end') this.fail();
  }

  dataType(): DataType {
    const t = this.next();
    if (t.kind !== 'word') this.fail(t);
    const name = t.text.toLowerCase();
    if (name === 'array' && this.isPunct('<')) {
      this.i++;
      const element = this.dataType();
      this.expectPunct('>');
      return new ArrayType(element, true);
    }
    if (name === 'map' && this.isPunct('<')) {
      this.i++;
      const key = this.dataType();
      this.expectPunct(',');
      const value = this.dataType();
      this.expectPunct('>');
      return new MapType(key, value, true);
    }
    if (name === 'struct' && this.isPunct('<')) {
      this.i++;
      const fields: StructField[] = [];
      if (!this.isPunct('>')) {
        do fields.push(this.column(true));
        while (this.isPunct(',') && this.next());
      }
      this.expectPunct('>');
      return new StructType(fields);
    }
    if (name === 'interval') return this.intervalType();
    if (DECIMAL_NAMES.has(name)) {
      if (!this.isPunct('(')) return new DecimalType(10, 0);
      this.i++;
      const precisionPos = this.peek().pos;
      const precision = this.expectNumber();
      let scale = 0;
      if (this.isPunct(',')) {
        this.i++;
        scale = this.expectNumber();
      }
      this.expectPunct(')');
      try {
        return new DecimalType(precision, scale);
      } catch (e) {
        throw new DdlError((e as Error).message, precisionPos);
      }
    }
    if (CHAR_NAMES.has(name)) {
      if (!this.isPunct('(')) throw new DdlError(`[DATATYPE_MISSING_SIZE] DataType "${name}" requires a length parameter, for example "${name}(10)".`, t.pos);
      this.i++;
      this.expectNumber();
      this.expectPunct(')');
      return new StringType();
    }
    const simple = SIMPLE_TYPES[name];
    if (simple === undefined) throw new DdlError(`[UNSUPPORTED_DATATYPE] Unsupported data type "${t.text.toUpperCase()}".`, t.pos);
    return simple();
  }

  /** `interval day`, `interval day to second`, `interval year to month`, ...; a bare `interval` is a calendar interval. */
  private intervalType(): DataType {
    const next = this.tokens[this.i];
    const word = next?.kind === 'word' ? next.text.toLowerCase() : '';
    if (!(DAY_TIME_FIELDS as readonly string[]).includes(word) && !(YEAR_MONTH_FIELDS as readonly string[]).includes(word)) return new CalendarIntervalType();
    const fieldIndex = (): { index: number; yearMonth: boolean } => {
      const t = this.next();
      const word = t.kind === 'word' ? t.text.toLowerCase() : '';
      const dayTime = (DAY_TIME_FIELDS as readonly string[]).indexOf(word);
      if (dayTime >= 0) return { index: dayTime, yearMonth: false };
      const yearMonth = (YEAR_MONTH_FIELDS as readonly string[]).indexOf(word);
      if (yearMonth >= 0) return { index: yearMonth, yearMonth: true };
      return this.fail(t);
    };
    const start = fieldIndex();
    let end = start;
    if (this.isWord('to')) {
      this.i++;
      end = fieldIndex();
      if (end.yearMonth !== start.yearMonth || end.index < start.index) this.fail(this.tokens[this.i - 1]);
    }
    return start.yearMonth ? new YearMonthIntervalType(start.index, end.index) : new DayTimeIntervalType(start.index, end.index);
  }

  /** `name [:] type [NOT NULL] [COMMENT 'text']`; the colon is Spark's struct<> form. */
  column(colonAllowed: boolean): StructField {
    const nameToken = this.next();
    if (nameToken.kind !== 'word' && nameToken.kind !== 'quotedName') this.fail(nameToken);
    if (colonAllowed && this.isPunct(':')) this.i++;
    const type = this.dataType();
    let nullable = true;
    const metadata: FieldMetadata = {};
    for (;;) {
      if (this.isWord('not')) {
        this.i++;
        if (!this.isWord('null')) this.fail();
        this.i++;
        nullable = false;
      } else if (this.isWord('comment')) {
        this.i++;
        const comment = this.next();
        if (comment.kind !== 'string') this.fail(comment);
        metadata.comment = comment.text;
      } else {
        return new StructField(nameToken.text, type, nullable, metadata);
      }
    }
  }

  columns(): StructType {
    const fields: StructField[] = [];
    do fields.push(this.column(true));
    while (this.isPunct(',') && this.next());
    this.expectEnd();
    return new StructType(fields);
  }
}

/** One DDL type, or a column list as a StructType (the error names the text and position). */
export function parseDataType(text: string): DataType {
  if (typeof text !== 'string') throw new Error(`A DDL type must be a string, got ${typeof text}`);
  let asType: DdlError;
  let asColumns: DdlError;
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (e) {
    throw located(e, text);
  }
  const typeParser = new Parser(tokens);
  try {
    const type = typeParser.dataType();
    typeParser.expectEnd();
    return type;
  } catch (e) {
    if (!(e instanceof DdlError)) throw e;
    asType = e;
  }
  try {
    return new Parser(tokens).columns();
  } catch (e) {
    if (!(e instanceof DdlError)) throw e;
    asColumns = e;
  }
  // Text that parsed past its first word as a type (`array<int`), or a lone word (`foo`), was
  // meant as a type; otherwise report the reading that got further.
  const meantAsType = typeParser.secondTokenIsEnd || asType.pos > tokens[0].pos;
  const best = !meantAsType && asColumns.pos >= asType.pos ? asColumns : asType;
  throw located(best, text);
}

function located(e: unknown, text: string): Error {
  if (!(e instanceof DdlError)) return e as Error;
  return new Error(`${e.message} (at position ${e.pos} of DDL "${text}")`);
}
