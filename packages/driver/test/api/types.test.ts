// Runs the type-level tests in types.test-d.ts: `vitest run` does not type-check, so this test
// compiles that file with the repository's compiler options and fails on any diagnostic
// (a wrong inferred type, or an @ts-expect-error line that no longer errors).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(repoRoot, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  // No ambient @types and no checking of the default lib: the file imports what it uses, and this
  // keeps the compile to a couple of seconds. Without `paths` (only tsconfig.typecheck.json has them), @flint/* resolve to the
  // packages' declaration files rather than their sources (which need @types/node).
  return { ...parsed.options, paths: undefined, noEmit: true, types: [], skipDefaultLibCheck: true };
}

describe('RDD types', () => {
  it('generics flow through the chain and pair methods need pairs (types.test-d.ts); plan kinds are exhaustive (plan-kinds.test-d.ts)', () => {
    const files = ['types.test-d.ts', 'plan-kinds.test-d.ts'].map((name) => path.join(here, name));
    const program = ts.createProgram(files, compilerOptions());
    const diagnostics = ts.getPreEmitDiagnostics(program);
    const messages = diagnostics.map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) return text;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${path.relative(repoRoot, d.file.fileName)}:${line + 1}: ${text}`;
    });
    expect(messages).toEqual([]);
  }, 60_000);
});
