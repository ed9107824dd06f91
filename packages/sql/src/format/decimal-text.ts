/**
 * A decimal value as Spark prints it: plain notation with exactly `scale` fraction digits
 * (`1.50` for decimal(10,2)). Values may arrive as numbers, bigints or decimal strings.
 */
export function decimalToString(value: number | bigint | string, scale: number): string {
  if (typeof value === 'bigint') return scale === 0 ? value.toString() : `${value}.${'0'.repeat(scale)}`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`A decimal cannot hold ${value}`);
    return Math.abs(value) < 1e21 ? value.toFixed(scale) : decimalToString(BigInt(Math.round(value)), scale);
  }
  return normalizeDecimalString(String(value), scale);
}

/** Pads or rounds (half up, as Spark's decimals round) a decimal string to `scale` digits. */
function normalizeDecimalString(text: string, scale: number): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (match === null) throw new Error(`Not a decimal value: '${text}'`);
  const [, sign, intDigits, fracDigits = ''] = match;
  const digits = `${intDigits || '0'}${fracDigits.padEnd(scale, '0').slice(0, scale)}`;
  let unscaled = BigInt(digits);
  if (fracDigits.length > scale && fracDigits[scale] >= '5') unscaled += 1n;
  const body = unscaled.toString().padStart(scale + 1, '0');
  const plain = scale === 0 ? body : `${body.slice(0, -scale)}.${body.slice(-scale)}`;
  return sign === '-' && unscaled !== 0n ? `-${plain}` : plain;
}
