/**
 * The lexer: Spark SQL text → tokens. Follows Spark's SqlBaseLexer where users can see it:
 * case-insensitive words, `backquoted` identifiers (`` ` `` doubled inside), strings in single or
 * double quotes with backslash escapes, numbers with Spark's suffixes (1L 1S 1Y 1.5D 1.5F 1.5BD),
 * X'hex' binary strings, `--` line comments and nested `/* *\/` block comments (hints included).
 */
import { ParseError } from './errors.js';
import { OPERATORS, type Token, type TokenKind } from './tokens.js';

export function tokenize(sql: string): Token[] {
  return new Lexer(sql).run();
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isWordChar = (c: string): boolean => /[A-Za-z0-9_$]/.test(c) || c > '\u007f';
const isWordStart = (c: string): boolean => /[A-Za-z_]/.test(c) || c > '\u007f';

/** Spark's unescapeSQLString: backslash escapes inside string literals. */
const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\u0000', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\u001a', '\\': '\\', "'": "'", '"': '"',
  // Spark keeps the backslash before % and _ so that LIKE patterns still see an escaped wildcard.
  '%': '\\%', _: '\\_',
};

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly tokens: Token[] = [];
  /** Line and column where the token being scanned starts. */
  private tokenLine = 1;
  private tokenColumn = 1;

  constructor(private readonly sql: string) {}

  run(): Token[] {
    for (;;) {
      this.skipSpaceAndComments();
      if (this.pos >= this.sql.length) break;
      this.tokenLine = this.line;
      this.tokenColumn = this.pos - this.lineStart + 1;
      this.tokens.push(this.next());
    }
    this.tokenLine = this.line;
    this.tokenColumn = this.pos - this.lineStart + 1;
    this.tokens.push(this.make('eof', this.pos, '', ''));
    return this.tokens;
  }

  private next(): Token {
    const start = this.pos;
    const c = this.sql[start]!;
    if (this.sql.startsWith('/*+', start)) {
      this.blockComment();
      return this.make('hint', start, this.sql.slice(start + 3, this.pos - 2));
    }
    if ((c === 'x' || c === 'X') && this.sql[start + 1] === "'") return this.binaryString(start);
    if (isDigit(c) || (c === '.' && isDigit(this.sql[start + 1] ?? ''))) return this.number(start);
    if (isWordStart(c)) return this.word(start);
    if (c === '`') return this.quotedIdentifier(start);
    if (c === "'" || c === '"') return this.string(start);
    for (const op of OPERATORS) {
      if (this.sql.startsWith(op, start)) {
        this.pos += op.length;
        return this.make('operator', start, op);
      }
    }
    throw this.error(start, `'${c}'`, 1, 'this character is not part of Spark SQL');
  }

  private word(start: number): Token {
    while (this.pos < this.sql.length && isWordChar(this.sql[this.pos]!)) this.pos++;
    const text = this.sql.slice(start, this.pos);
    return this.make('word', start, text, text.toUpperCase());
  }

  /**
   * Numbers follow Spark's lexer rules: DIGIT+ ('L'|'S'|'Y'), DECIMAL_DIGITS, exponents, and the
   * D/F/BD suffixes. A digit run that continues with letters (`1a`) is an identifier, as in Spark.
   */
  private number(start: number): Token {
    const digits = (): void => {
      while (isDigit(this.sql[this.pos] ?? '')) this.pos++;
    };
    digits();
    let kind: TokenKind = 'integer';
    if (this.sql[this.pos] === '.') {
      this.pos++;
      digits();
      kind = 'decimal';
    }
    const exponent = /^[eE][+-]?[0-9]+/.exec(this.sql.slice(this.pos));
    if (exponent) {
      this.pos += exponent[0].length;
      kind = 'exponent';
    }
    const body = this.sql.slice(start, this.pos);
    const suffix = /^(BD|[LSYDF])(?![A-Za-z0-9_])/i.exec(this.sql.slice(this.pos))?.[0].toUpperCase() ?? '';
    const integerOnly = suffix === 'L' || suffix === 'S' || suffix === 'Y';
    if (suffix && !(integerOnly && kind !== 'integer')) {
      this.pos += suffix.length;
      return this.make('typedNumber', start, body, '', suffix);
    }
    if (kind === 'integer' && isWordChar(this.sql[this.pos] ?? '')) {
      this.pos = start;
      return this.word(start);
    }
    return this.make(kind, start, body);
  }

  private quotedIdentifier(start: number): Token {
    let value = '';
    this.pos++;
    for (;;) {
      if (this.pos >= this.sql.length) {
        throw this.error(start, `'${this.sql.slice(start, start + 20)}'`, 1, 'the backquoted identifier is never closed');
      }
      const c = this.sql[this.pos]!;
      if (c === '`') {
        if (this.sql[this.pos + 1] !== '`') break;
        this.pos++;
      }
      value += c;
      this.advanceChar();
    }
    this.pos++;
    return this.make('quotedIdentifier', start, value);
  }

  private string(start: number): Token {
    const quote = this.sql[start]!;
    let value = '';
    this.pos++;
    for (;;) {
      if (this.pos >= this.sql.length) {
        throw this.error(start, `'${this.sql.slice(start, start + 20)}'`, 1, 'the string literal is never closed');
      }
      const c = this.sql[this.pos]!;
      if (c === quote) {
        if (this.sql[this.pos + 1] !== quote) break;
        value += quote; // a doubled quote stands for one
        this.pos += 2;
      } else if (c === '\\' && this.pos + 1 < this.sql.length) {
        value += this.escape();
      } else {
        value += c;
        this.advanceChar();
      }
    }
    this.pos++;
    return this.make('string', start, value);
  }

  /** Reads one backslash escape at `pos` and returns the characters it stands for. */
  private escape(): string {
    const rest = this.sql.slice(this.pos + 1);
    const unicode = /^u([0-9a-fA-F]{4})/.exec(rest);
    if (unicode) {
      this.pos += 6;
      return String.fromCharCode(parseInt(unicode[1]!, 16));
    }
    const octal = /^[0-3][0-7]{2}/.exec(rest);
    if (octal) {
      this.pos += 4;
      return String.fromCharCode(parseInt(octal[0], 8));
    }
    const c = rest[0]!;
    this.pos += 1;
    this.advanceChar();
    return SIMPLE_ESCAPES[c] ?? c;
  }

  private binaryString(start: number): Token {
    this.pos++;
    const literal = this.string(this.pos);
    if (!/^[0-9a-fA-F]*$/.test(literal.value)) {
      throw this.error(start, `'${literal.text}'`, literal.text.length + 1, 'a binary literal holds hexadecimal digits only');
    }
    return this.make('binaryString', start, literal.value);
  }

  private skipSpaceAndComments(): void {
    for (;;) {
      const c = this.sql[this.pos];
      if (c === undefined) return;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f') {
        this.advanceChar();
      } else if (this.sql.startsWith('--', this.pos)) {
        while (this.pos < this.sql.length && this.sql[this.pos] !== '\n') this.pos++;
      } else if (this.sql.startsWith('/*', this.pos)) {
        // `SELECT /*+ BROADCAST(t) */`: a hint, the only comment that is a token (as in Spark's grammar).
        if (this.sql.startsWith('/*+', this.pos) && this.tokens[this.tokens.length - 1]?.upper === 'SELECT') return;
        this.blockComment();
      } else {
        return;
      }
    }
  }

  /** Block comments nest in Spark: `/* a /* b *\/ c *\/` is one comment. */
  private blockComment(): void {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.sql.length) {
      if (this.sql.startsWith('/*', this.pos)) {
        depth++;
        this.pos += 2;
      } else if (this.sql.startsWith('*/', this.pos)) {
        depth--;
        this.pos += 2;
        if (depth === 0) return;
      } else {
        this.advanceChar();
      }
    }
    throw this.error(start, "'/*'", 2, 'found an unclosed bracketed comment; append */ at the end of the comment', 'UNCLOSED_BRACKETED_COMMENT');
  }

  /** Moves past one character, counting lines. */
  private advanceChar(): void {
    if (this.sql[this.pos] === '\n') {
      this.line++;
      this.lineStart = this.pos + 1;
    }
    this.pos++;
  }

  private make(kind: TokenKind, start: number, value: string, upper = '', suffix = ''): Token {
    const text = this.sql.slice(start, this.pos);
    return { kind, text, value, upper, suffix, offset: start, line: this.tokenLine, column: this.tokenColumn };
  }

  /** Only for errors: tokens carry their own line and column. */
  private lineAndColumn(offset: number): { line: number; column: number } {
    const before = this.sql.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  }

  private error(offset: number, near: string, width: number, hint: string, errorClass = 'PARSE_SYNTAX_ERROR'): ParseError {
    const { line, column } = this.lineAndColumn(offset);
    return new ParseError(errorClass, near, line, column, hint, this.sql, width);
  }
}
