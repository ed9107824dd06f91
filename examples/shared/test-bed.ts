import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FlintContext } from '@flint/driver';
import { compareStrings } from './compare.js';

/** What an example's test runs against: a `local[2]` context and a fresh temp directory. */
export class TestBed {
  #fc: FlintContext | undefined;
  #dir: string | undefined;

  get fc(): FlintContext {
    if (this.#fc === undefined) throw new Error('the test bed is used before beforeAll ran');
    return this.#fc;
  }

  get dir(): string {
    if (this.#dir === undefined) throw new Error('the test bed is used before beforeAll ran');
    return this.#dir;
  }

  async open(appName: string): Promise<void> {
    this.#dir = mkdtempSync(join(tmpdir(), `flint-${appName}-`));
    this.#fc = await FlintContext.create({ master: 'local[2]', appName });
  }

  async close(): Promise<void> {
    await this.#fc?.stop();
    if (this.#dir !== undefined) rmSync(this.#dir, { recursive: true, force: true });
  }
}

/** Registers the hooks that open a test bed before the file's tests and close it after. */
export function useTestBed(appName: string): TestBed {
  const bed = new TestBed();
  beforeAll(() => bed.open(appName));
  afterAll(() => bed.close());
  return bed;
}

/** A map's entries in key order, for comparing results whose order is unspecified. */
export function sortedEntries<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => compareStrings(a, b));
}
