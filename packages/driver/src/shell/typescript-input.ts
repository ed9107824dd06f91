/**
 * What is typed at `flint shell`'s prompt may be TypeScript: esbuild (tsx's own transformer)
 * strips the types and leaves the JavaScript as it was typed, so a function's source (which Flint
 * ships to workers) reads as the user wrote it, minus annotations.
 */
import { transformSync } from 'esbuild';

export type StrippedInput = { ok: true; code: string } | { ok: false; error: string };

export function stripTypes(code: string): StrippedInput {
  // As Node's REPL does: `{ a: 1 }` alone is an object, not a block with a label.
  if (/^\s*\{/.test(code) && !/;\s*$/.test(code)) {
    const asObject = transform(`(${code.trim()})`);
    if (asObject.ok) return asObject;
  }
  return transform(code);
}

function transform(code: string): StrippedInput {
  try {
    return { ok: true, code: transformSync(code, { loader: 'ts', target: 'es2022' }).code };
  } catch (error) {
    const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text;
    return { ok: false, error: first ?? String(error) };
  }
}
