/**
 * A JSON parser that keeps what JSON.parse throws away and Spark's inference needs: whether a
 * number was written as an integer (`1`) or not (`1.0`, `1e3`). Integers parse to numbers
 * (JS `bigint` beyond the safe range); other numbers to `JsonFraction`, which keeps the text.
 * Errors are one line with the position.
 */

export class JsonFraction {
  constructor(
    readonly text: string,
    readonly value: number,
  ) {}
}

export class JsonSyntaxError extends Error {}

/** Jackson's leniencies that Spark's JSON options turn on (JSONOptions: allowSingleQuotes, allowUnquotedFieldNames). */
export interface JsonSyntax {
  /** Strings and field names in single quotes. */
  singleQuotes: boolean;
  /** Field names without quotes (letters, digits, `_` and `$`). */
  unquotedFieldNames: boolean;
  /** Integers written with leading zeros (`007`). */
  numericLeadingZeros: boolean;
}

export const STRICT_JSON: JsonSyntax = { singleQuotes: false, unquotedFieldNames: false, numericLeadingZeros: false };

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

class Parser {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly syntax: JsonSyntax,
  ) {}

  fail(what: string): never {
    const found = this.pos < this.text.length ? `'${this.text[this.pos]}'` : 'the end of the text';
    throw new JsonSyntaxError(`${what} at character ${this.pos + 1}, found ${found}`);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && WHITESPACE.has(this.text.charCodeAt(this.pos))) this.pos++;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    switch (c) {
      case '{': return this.object();
      case '[': return this.array();
      case '"': return this.string();
      case "'": return this.syntax.singleQuotes ? this.string() : this.fail('expected a JSON value');
      case 't': return this.literal('true', true);
      case 'f': return this.literal('false', false);
      case 'n': return this.literal('null', null);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        return this.fail('expected a JSON value');
    }
  }

  literal(word: string, value: unknown): unknown {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected '${word}'`);
    this.pos += word.length;
    return value;
  }

  number(): unknown {
    const m = this.syntax.numericLeadingZeros ? /-?\d+(\.\d+)?([eE][+-]?\d+)?/y : /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const match = m.exec(this.text);
    if (!match) return this.fail('malformed number');
    this.pos = m.lastIndex;
    const text = match[0].replace(/^(-?)0+(?=\d)/, '$1');
    if (match[1] === undefined && match[2] === undefined) {
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : BigInt(text);
    }
    return new JsonFraction(text, Number(text));
  }

  string(): string {
    const quote = this.text[this.pos++];
    const start = this.pos;
    const end = this.text.indexOf(quote, start);
    if (end < 0) this.fail('unterminated string');
    const raw = this.text.slice(start, end);
    if (!raw.includes('\\')) {
      this.pos = end + 1;
      return raw;
    }
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated string');
      const c = this.text[this.pos++];
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.pos++];
      switch (e) {
        case '"': case '\\': case '/': out += e; break;
        case "'":
          if (!this.syntax.singleQuotes) {
            this.pos--;
            this.fail('bad escape');
          }
          out += e;
          break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = this.text.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.pos--;
          this.fail('bad escape');
      }
    }
  }

  array(): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') {
        this.pos--;
        this.fail("expected ',' or ']'");
      }
    }
  }

  fieldName(): string {
    const c = this.text[this.pos];
    if (c === '"' || (c === "'" && this.syntax.singleQuotes)) return this.string();
    if (this.syntax.unquotedFieldNames) {
      const name = /[A-Za-z_$][\w$]*/y;
      name.lastIndex = this.pos;
      const match = name.exec(this.text);
      if (match) {
        this.pos = name.lastIndex;
        return match[0];
      }
    }
    return this.fail('expected a field name');
  }

  object(): Record<string, unknown> {
    this.pos++;
    const out: Record<string, unknown> = {};
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      const key = this.fieldName();
      this.skipSpace();
      if (this.text[this.pos++] !== ':') {
        this.pos--;
        this.fail("expected ':'");
      }
      out[key] = this.value();
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') {
        this.pos--;
        this.fail("expected ',' or '}'");
      }
    }
  }
}

/** Parses one JSON document; throws JsonSyntaxError. */
export function parseJsonDocument(text: string, syntax: JsonSyntax = STRICT_JSON): unknown {
  const parser = new Parser(text, syntax);
  const value = parser.value();
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail('unexpected text after the JSON value');
  return value;
}
