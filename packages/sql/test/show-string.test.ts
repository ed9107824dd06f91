import { describe, expect, it } from 'vitest';
import { StructType, showString } from '../src/index.js';

// pyspark.sql.DataFrame.show doctest data
const people = StructType.fromDDL('age bigint, name string');
const rows = [
  [14, 'Tom'],
  [23, 'Alice'],
  [16, 'Bob'],
  [19, 'This is a super long name'],
];
const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

describe('showString', () => {
  it('matches the show() doctest: right-aligned cells, truncation at 20 characters', () => {
    expect(showString(rows, people)).toBe(
      lines(
        '+---+--------------------+',
        '|age|                name|',
        '+---+--------------------+',
        '| 14|                 Tom|',
        '| 23|               Alice|',
        '| 16|                 Bob|',
        '| 19|This is a super l...|',
        '+---+--------------------+',
      ),
    );
  });

  it('matches show(2): the footer when there are more rows', () => {
    expect(showString(rows.slice(0, 3), people, 2)).toBe(
      lines('+---+-----+', '|age| name|', '+---+-----+', '| 14|  Tom|', '| 23|Alice|', '+---+-----+', 'only showing top 2 rows'),
    );
    expect(showString(rows, people, 1)).toContain('only showing top 1 row\n');
    expect(showString(rows.slice(0, 2), people, 2)).not.toContain('only showing');
  });

  it('matches show(truncate=False): left-aligned, nothing cut', () => {
    expect(showString(rows, people, 20, false)).toBe(
      lines(
        '+---+-------------------------+',
        '|age|name                     |',
        '+---+-------------------------+',
        '|14 |Tom                      |',
        '|23 |Alice                    |',
        '|16 |Bob                      |',
        '|19 |This is a super long name|',
        '+---+-------------------------+',
      ),
    );
  });

  it('matches show(truncate=3): no ellipsis below 4 characters, header never cut', () => {
    expect(showString(rows, people, 20, 3)).toBe(
      lines('+---+----+', '|age|name|', '+---+----+', '| 14| Tom|', '| 23| Ali|', '| 16| Bob|', '| 19| Thi|', '+---+----+'),
    );
  });

  it('matches show(vertical=True)', () => {
    expect(showString(rows, people, 20, true, true)).toBe(
      lines(
        '-RECORD 0--------------------',
        ' age  | 14                   ',
        ' name | Tom                  ',
        '-RECORD 1--------------------',
        ' age  | 23                   ',
        ' name | Alice                ',
        '-RECORD 2--------------------',
        ' age  | 16                   ',
        ' name | Bob                  ',
        '-RECORD 3--------------------',
        ' age  | 19                   ',
        ' name | This is a super l... ',
      ),
    );
    // Widths follow the widest cell shown: 4 + 5 + 5 here.
    expect(showString(rows.slice(0, 2), people, 20, true, true)).toBe(
      lines('-RECORD 0-----', ' age  | 14    ', ' name | Tom   ', '-RECORD 1-----', ' age  | 23    ', ' name | Alice '),
    );
    expect(showString([], people, 20, true, true)).toBe('(0 rows)\n');
  });

  it('prints NULL, an empty table, and object rows by column name', () => {
    const schema = StructType.fromDDL('id int, v string');
    expect(showString([{ v: null, id: 1 }], schema)).toBe(lines('+---+----+', '| id|   v|', '+---+----+', '|  1|NULL|', '+---+----+'));
    expect(showString([], schema)).toBe(lines('+---+---+', '| id|  v|', '+---+---+', '+---+---+'));
  });

  it('counts East Asian wide characters twice and escapes control characters', () => {
    const schema = StructType.fromDDL('s string');
    expect(showString([['日本'], ['a\tb']], schema)).toBe(lines('+----+', '|   s|', '+----+', '|日本|', '|a\\tb|', '+----+'));
  });

  it('rejects bad arguments with one line', () => {
    expect(() => showString(rows, people, 1.5)).toThrow('[NOT_INT] Argument `n` should be an int, got number.');
    expect(() => showString(rows, people, 20, true, 'yes' as unknown as boolean)).toThrow('[NOT_BOOL]');
  });
});
