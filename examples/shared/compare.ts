/** Orders strings by UTF-16 code units, as Flint compares string keys (not by locale). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
