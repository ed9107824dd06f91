/**
 * Arrow's enums (Type, Precision), loaded on first use: only createDataFrame(arrowTable) needs
 * them, and importing 'apache-arrow/enum' with the SQL layer cost every query's start-up
 * tens of milliseconds. The conversion is synchronous, so the module is loaded with require().
 */
import { createRequire } from 'node:module';
import type * as ArrowEnum from 'apache-arrow/enum';

let enums: typeof ArrowEnum | undefined;

export function arrowEnums(): typeof ArrowEnum {
  return (enums ??= createRequire(import.meta.url)('apache-arrow/enum') as typeof ArrowEnum);
}
