/**
 * `rdd.toDF()` before the SQL layer is loaded: @flint/sql puts the real toDF on RDD's prototype
 * when it loads (rdd-to-df.ts), so this stand-in loads it and calls what is there then.
 */
import { RDD } from '@flint/rdd';
import { loadSql } from './load-sql.js';

type ToDF = RDD<unknown>['toDF'];

function toDFLoadingSql(this: RDD<unknown>, ...args: Parameters<ToDF>): ReturnType<ToDF> {
  loadSql();
  const real = RDD.prototype.toDF;
  if (real === toDFLoadingSql) throw new Error('rdd.toDF: the SQL layer (@flint/sql) did not install toDF when loaded');
  return real.apply(this, args);
}

// Not over the real toDF when @flint/sql was loaded first.
if (!Object.hasOwn(RDD.prototype, 'toDF')) (RDD.prototype as { toDF: ToDF }).toDF = toDFLoadingSql;
