/**
 * A CommonJS bundle run with its V8 code cache (src/cached-script.cts): the cache is used for the
 * file it was made for, and for nothing else (V8 checks only the source's length), the build's
 * cache of the SQL layer's bundle is one this Node accepts, and under --enable-source-maps the
 * layer's stack positions are its sources'.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const cachedScript = require.resolve('../dist/cached-script.cjs');
const { codeCacheFile, runCachedScript, writeCodeCache } = require(cachedScript) as typeof import('../src/cached-script.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'flint-cached-script-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const source = (answer: string) => `const { double } = require('helper');\nexports.answer = () => double(${answer});\n`;
const helper = { double: (x: number) => 2 * x };

describe('a bundle run with its code cache', () => {
  it('uses the cache made for its bytes and path, and compiles afresh for any other', () => {
    const bundle = join(scratch, 'bundle.cjs');
    writeFileSync(bundle, source('21'));
    expect(runCachedScript(bundle, { helper })).toMatchObject({ cacheUsed: false });
    writeCodeCache(bundle, { helper });
    const cached = runCachedScript(bundle, { helper });
    expect(cached.cacheUsed).toBe(true);
    expect((cached.exports as { answer(): number }).answer()).toBe(42);

    // The same length, other code: V8 alone would take the cache.
    writeFileSync(bundle, source('12'));
    const edited = runCachedScript(bundle, { helper });
    expect(edited.cacheUsed).toBe(false);
    expect((edited.exports as { answer(): number }).answer()).toBe(24);

    // The same bytes elsewhere: the cache would name the old path in stack traces.
    writeFileSync(bundle, source('21'));
    const moved = join(scratch, 'moved');
    mkdirSync(moved);
    copyFileSync(bundle, join(moved, 'bundle.cjs'));
    copyFileSync(codeCacheFile(bundle), codeCacheFile(join(moved, 'bundle.cjs')));
    expect(runCachedScript(join(moved, 'bundle.cjs'), { helper }).cacheUsed).toBe(false);
    expect(runCachedScript(bundle, { helper }).cacheUsed).toBe(true);

    writeFileSync(codeCacheFile(bundle), readFileSync(codeCacheFile(bundle)).subarray(0, 10));
    expect(runCachedScript(bundle, { helper }).cacheUsed).toBe(false);
  });

  it("after `npm run build`, the SQL layer's bundle has a cache this Node takes", async () => {
    const layer = require.resolve('../dist/bundle/layer.cjs');
    const script = `const { runCachedScript } = require(${JSON.stringify(cachedScript)}); ` +
      `import('@flint/rdd').then((rdd) => console.log(runCachedScript(${JSON.stringify(layer)}, { '@flint/rdd': rdd, '@flint/sql/layer-host': {} }).cacheUsed));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
    expect(stdout.trim()).toBe('true');
  });

  it('under --enable-source-maps, is compiled by the module loader, which maps its positions to src/', async () => {
    const thrownAt = "try { require('@flint/sql').parseDataType('no such type'); } catch (error) { console.log(error.stack.split('\\n')[1]); }";
    const at = async (flags: string[]) => (await promisify(execFile)(process.execPath, [...flags, '-e', thrownAt])).stdout;
    expect(await at(['--enable-source-maps'])).toMatch(/\/packages\/sql\/src\/types\/ddl\.ts:\d+:\d+\)$/m);
    expect(await at([])).toMatch(/\/packages\/sql\/dist\/bundle\/layer\.cjs:\d+:\d+\)$/m);
  });
});
