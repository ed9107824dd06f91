/**
 * Tab completion for `flint shell`. Node's REPL completes `rdd.ma` when `rdd` is a variable, but
 * not after a call (`fc.parallelize(xs).ma`): it will not run the call to see what it returns.
 * There, most chains in a Flint shell are RDDs, so the RDD methods are offered.
 */
import type { CompleterResult } from 'node:readline';
import { RDD } from '@flint/rdd';

type Completer = (line: string, callback: (error: Error | null, result: CompleterResult) => void) => void;

const RDD_METHODS = Object.getOwnPropertyNames(RDD.prototype)
  .filter((name) => name !== 'constructor' && !name.startsWith('_'))
  .sort();

/** `replComplete` is Node's REPL completion; RDD methods are offered where it has nothing after `).`. */
export function withRddCompletion(replComplete: Completer): Completer {
  return (line, callback) =>
    replComplete(line, (error, result) => {
      const afterCall = /\)\s*\.\s*([A-Za-z_$][\w$]*)?$/.exec(line);
      if (error || !afterCall || result[0].length > 0) return callback(error, result);
      const partial = afterCall[1] ?? '';
      callback(null, [RDD_METHODS.filter((name) => name.startsWith(partial)), partial]);
    });
}
