import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/parser/lexer.js';

const kinds = (sql: string) => tokenize(sql).map((t) => `${t.kind}:${t.value}${t.suffix ? `/${t.suffix}` : ''}`);

describe('the SQL lexer', () => {
  it('reads words with their upper-case spelling and keeps the text as written', () => {
    const [select, name] = tokenize('sElEcT myCol');
    expect([select!.upper, select!.text, name!.value]).toEqual(['SELECT', 'sElEcT', 'myCol']);
  });

  it('reads numbers with Spark’s suffixes, and a digit run followed by letters as an identifier', () => {
    expect(kinds('1 1L 2s 3Y 1.5 .5 1. 1e3 1.5E-2 1.5D 2f 1.5BD 12abc')).toEqual([
      'integer:1', 'typedNumber:1/L', 'typedNumber:2/S', 'typedNumber:3/Y', 'decimal:1.5', 'decimal:.5',
      'decimal:1.', 'exponent:1e3', 'exponent:1.5E-2', 'typedNumber:1.5/D', 'typedNumber:2/F',
      'typedNumber:1.5/BD', 'word:12abc', 'eof:',
    ]);
  });

  it('unescapes strings in both quote kinds: backslash escapes, doubled quotes, octal and unicode', () => {
    const values = tokenize(String.raw`'it''s' "say \"hi\"" 'a\tb\nc' '\u0041\101' 'a\%b\_c' 'x\qy'`).map((t) => t.value);
    expect(values).toEqual(["it's", 'say "hi"', 'a\tb\nc', 'AA', 'a\\%b\\_c', 'xqy', '']);
  });

  it('reads backquoted identifiers with doubled backquotes inside, and X\'..\' binary strings', () => {
    expect(kinds('`my col` `a``b` X\'0aFF\'')).toEqual(['quotedIdentifier:my col', 'quotedIdentifier:a`b', 'binaryString:0aFF', 'eof:']);
  });

  it('takes the longest operator and skips line, block, nested and hint comments', () => {
    const sql = 'a<=>b -- comment\n /* outer /* inner */ still */ c>>>d /*+ BROADCAST(t) */ e::int';
    expect(kinds(sql)).toEqual([
      'word:a', 'operator:<=>', 'word:b', 'word:c', 'operator:>>>', 'word:d', 'word:e', 'operator:::', 'word:int', 'eof:',
    ]);
  });

  it('gives every token its 1-based line and column', () => {
    const tokens = tokenize('SELECT a,\n  bb\r\n\tFROM t');
    expect(tokens.map((t) => `${t.text}@${t.line}:${t.column}`)).toEqual(['SELECT@1:1', 'a@1:8', ',@1:9', 'bb@2:3', 'FROM@3:2', 't@3:7', '@3:8']);
  });

  it('rejects an unclosed string, an unclosed comment, a bad binary literal and a stray character with their positions', () => {
    expect(() => tokenize("SELECT\n  'abc")).toThrow(/the string literal is never closed.*\n[\s\S]*\n  'abc\n--\^$/);
    expect(() => tokenize('SELECT 1 /* never')).toThrow(/^\[UNCLOSED_BRACKETED_COMMENT\].*line 1, column 10/);
    expect(() => tokenize("SELECT X'0G'")).toThrow(/hexadecimal digits only/);
    expect(() => tokenize('SELECT a @ b')).toThrow(/Syntax error at or near '@' at line 1, column 10 \(line 1, pos 9\)/);
  });
});
