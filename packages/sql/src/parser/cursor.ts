/**
 * A cursor over the token list, shared by the parsing modules: look ahead, consume expected
 * tokens, read identifiers, and build syntax errors that point at a token.
 */
import { ParseError } from './errors.js';
import { RESERVED_WORDS } from './keywords.js';
import { describeToken, type Token } from './tokens.js';
import { queryOrigin, type QueryOrigin } from '../expr/query-context.js';

/** `{ origin }` of the text from `start` to the last token read, to spread into a node (nothing when there is none). */
export function originOf(c: Cursor, start: Token): { origin?: QueryOrigin } {
  const origin = c.originFrom(start);
  return origin === undefined ? {} : { origin };
}

export class Cursor {
  private index = 0;

  constructor(
    readonly sql: string,
    private readonly tokens: Token[],
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  /** The origin (Spark's query context) of the text from `start` (a token, peeked before parsing) to the last token read. */
  originFrom(start: Token): QueryOrigin | undefined {
    const last = this.tokens[this.index - 1];
    if (last === undefined) return undefined;
    return queryOrigin(this.sql, start.offset, last.offset + last.text.length - 1, start.line, start.column - 1);
  }

  /** A position to come back to when a tentative parse turns out to be the wrong reading. */
  mark(): number {
    return this.index;
  }

  reset(mark: number): void {
    this.index = mark;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  /** Is the token `ahead` positions on the word `upper` (any of them, when several)? */
  isWord(upper: string | readonly string[], ahead = 0): boolean {
    const token = this.peek(ahead);
    if (token.kind !== 'word') return false;
    return typeof upper === 'string' ? token.upper === upper : upper.includes(token.upper);
  }

  isOp(op: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'operator' && token.value === op;
  }

  acceptWord(upper: string): boolean {
    if (!this.isWord(upper)) return false;
    this.index++;
    return true;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.index++;
    return true;
  }

  expectWord(upper: string): Token {
    if (!this.isWord(upper)) throw this.error(`expected ${upper}`);
    return this.next();
  }

  expectOp(op: string): Token {
    if (!this.isOp(op)) throw this.error(`expected '${op}'`);
    return this.next();
  }

  /** Can the token `ahead` positions on be read as a name (without being a reserved word)? */
  isIdentifier(ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'quotedIdentifier' || (token.kind === 'word' && !RESERVED_WORDS.has(token.upper));
  }

  /** Reads a name: a backquoted identifier or a word that is not reserved. Case is kept. */
  identifier(what = 'an identifier'): string {
    if (!this.isIdentifier()) throw this.error(`expected ${what}`);
    return this.next().value;
  }

  /** After a dot any word is a name (`t.order`). */
  nameAfterDot(): string {
    const token = this.peek();
    if (token.kind !== 'word' && token.kind !== 'quotedIdentifier') throw this.error('expected a name after the dot');
    return this.next().value;
  }

  /** A dotted name: `t`, `db.t`, `` `my db`.t ``. */
  multipartName(what = 'a name'): string[] {
    const parts = [this.identifier(what)];
    while (this.isOp('.') && (this.peek(1).kind === 'word' || this.peek(1).kind === 'quotedIdentifier')) {
      this.next();
      parts.push(this.nameAfterDot());
    }
    return parts;
  }

  /** `(a, b, c)`: a parenthesized list of names. */
  identifierList(): string[] {
    this.expectOp('(');
    const names = [this.identifier('a column name')];
    while (this.acceptOp(',')) names.push(this.identifier('a column name'));
    this.expectOp(')');
    return names;
  }

  /**
   * Splits a `>>` or `>>>` token so that `array<array<int>>` closes two types: the current token
   * becomes a single `>` and the rest stays to be read next.
   */
  splitCloseAngle(): void {
    const token = this.peek();
    if (token.kind !== 'operator' || !/^>>+$/.test(token.value)) return;
    const first: Token = { ...token, text: '>', value: '>' };
    const rest: Token = { ...token, text: token.value.slice(1), value: token.value.slice(1), offset: token.offset + 1, column: token.column + 1 };
    this.tokens.splice(this.index, 1, first, rest);
  }

  /** Spark's ParseException of a legacy error class (a message, no class shown) at `token`, underlined as Spark does (`^^^`). */
  legacyError(errorClass: string, message: string, token: Token): ParseError {
    return new ParseError(errorClass, describeToken(token), token.line, token.column, message, this.sql, 3);
  }

  /** A syntax error at the current token (or the one given). */
  error(hint: string, token: Token = this.peek()): ParseError {
    return new ParseError('PARSE_SYNTAX_ERROR', describeToken(token), token.line, token.column, hint, this.sql, Math.max(1, token.text.length));
  }
}
