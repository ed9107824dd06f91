/**
 * Tokens of Spark SQL text. Every token remembers where it starts (offset, 1-based line and
 * column) so that syntax errors can point at it.
 */

export type TokenKind =
  | 'word' // an unquoted identifier or keyword; `upper` holds its upper-case spelling
  | 'quotedIdentifier' // `a b`, value without the backquotes
  | 'string' // '...' or "...", value unescaped
  | 'integer' // 123
  | 'decimal' // 1.5, .5, 1.
  | 'exponent' // 1e3, 1.5E-2
  | 'typedNumber' // 1L, 1S, 1Y, 1.5D, 1.5F, 1.5BD: `suffix` holds the upper-case suffix
  | 'binaryString' // X'0AFF', value is the hex digits
  | 'operator' // punctuation and operators: ( ) , . ; [ ] + - * / % ...
  | 'hint' // a /*+ ... */ comment right after SELECT; value holds the text between /*+ and */
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The token's text exactly as written in the source. */
  readonly text: string;
  /** Identifier/string content (unescaped), number digits without suffix, or the operator. */
  readonly value: string;
  /** Upper-case spelling of a word (keywords compare against it); '' for other kinds. */
  readonly upper: string;
  /** Suffix of a typed number (L, S, Y, D, F, BD); '' otherwise. */
  readonly suffix: string;
  /** 0-based offset of the first character in the source. */
  readonly offset: number;
  /** 1-based line and column of the first character. */
  readonly line: number;
  readonly column: number;
}

/** Operators, longest first so that the lexer takes the longest match. */
export const OPERATORS: readonly string[] = [
  '>>>', '<=>',
  '<>', '!=', '==', '<=', '>=', '<<', '>>', '||', '::', '->', '=>',
  '(', ')', '[', ']', ',', '.', ';', '+', '-', '*', '/', '%', '=', '<', '>', '!', '~', '&', '|', '^', ':',
];

/** How a token reads in an error message: Spark quotes the offending text, or says `end of input`. */
export function describeToken(token: Token): string {
  return token.kind === 'eof' ? 'end of input' : `'${token.text}'`;
}
