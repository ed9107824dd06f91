import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { userCallSite, userCallSiteShort } from '../src/fn/call-site.js';

const THIS_FILE = 'packages/rdd/test/call-site.test.ts';
const sourceLines = readFileSync(new URL(import.meta.url), 'utf8').split('\n');

/** Where the line holding `marker` calls userCallSite, as an editor shows it: path:line:column. */
function expectedSite(marker: string, call = 'userCallSite('): string {
  const line = sourceLines.findIndex((text) => text.includes(marker) && text.includes(call));
  return `${THIS_FILE}:${line + 1}:${sourceLines[line].indexOf(call) + 1}`;
}

describe('userCallSite', () => {
  it('gives the calling line and column of the source file, the same every time a place calls it', () => {
    const sites: string[] = [];
    for (let i = 0; i < 3; i++) sites.push(userCallSite()); // site A
    const other = userCallSite(); // site B
    expect(sites).toEqual([expectedSite('site A'), expectedSite('site A'), expectedSite('site A')]);
    expect(other).toBe(expectedSite('site B'));
  });

  it('short form: the Flint function called and where, the same every time', () => {
    const short: string[] = [];
    for (let i = 0; i < 2; i++) short.push(userCallSiteShort()); // site D
    expect(short).toEqual([`userCallSiteShort at ${expectedSite('site D', 'userCallSiteShort(')}`, `userCallSiteShort at ${expectedSite('site D', 'userCallSiteShort(')}`]);
    expect(userCallSite()).toBe(expectedSite('site E')); // site E
  });

  it('skips the packages it is told to skip', () => {
    const skipped = [['rdd'], ['rdd', 'driver']].map((names) => userCallSite(names)); // site C
    expect(new Set(skipped)).toEqual(new Set([expectedSite('site C')]));
  });
});
