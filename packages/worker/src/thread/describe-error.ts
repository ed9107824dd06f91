/**
 * A thrown value as plain data, keeping the user's stack: frames of shipped functions are named
 * `flint-fn:<operation>_at_<file:line:col>` (see compile-function.ts), so the stack says which
 * transformation failed and where the user wrote it.
 */
import { isUserFacingError } from '@flint/rdd';
import type { TaskError } from '../protocol.js';

export function describeError(error: unknown): TaskError {
  if (error instanceof Error) {
    const described = { name: error.name, message: error.message, stack: userFrames(error.stack ?? '') };
    const deterministic = (error as { deterministic?: unknown }).deterministic === true || isUserFacingError(error.message);
    return deterministic ? { ...described, deterministic: true } : described;
  }
  return { name: 'Error', message: `non-Error value thrown: ${safeString(error)}`, stack: '' };
}

/** Drops Flint's own frames below the user's, which say nothing to the user. */
function userFrames(stack: string): string {
  const lines = stack.split('\n');
  const lastUserFrame = lines.findLastIndex((line) => line.includes('flint-fn:'));
  return lastUserFrame < 0 ? stack : lines.slice(0, lastUserFrame + 1).join('\n');
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}
