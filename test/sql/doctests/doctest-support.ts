/**
 * What the PySpark doctest ports share: `docText` strips the indentation of a template literal
 * block, so a show() table reads in the test as it does in the docstring, and `shows` compares a
 * DataFrame's showString with such a block (soft, so one test reports every differing example).
 */
import { expect } from 'vitest';
import type { DataFrame } from '@flint/driver';

export function docText(block: string): string {
  const lines = block.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export async function shows(df: DataFrame, expected: string, n?: number, truncate?: boolean | number, vertical?: boolean): Promise<void> {
  expect.soft(await df.showString(n, truncate, vertical)).toBe(docText(expected));
}

/** The doctest's `...`: the shown text matches the expected one up to the ellipsis. */
export async function showsPrefix(frame: DataFrame, expected: string): Promise<void> {
  const actual = (await frame.showString()).split('\n');
  const wanted = docText(expected).split('\n');
  expect.soft(actual.length).toBe(wanted.length);
  wanted.forEach((line, i) => {
    const [head, ...rest] = line.split('...');
    if (rest.length === 0) expect.soft(actual[i]).toBe(line);
    else expect.soft(actual[i]?.replace(/\|\s*/g, '|')).toMatch(new RegExp(`^${escape(head.replace(/\|\s*/g, '|'))}\\d*${escape(rest.join('...'))}$`));
  });
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
