/**
 * A decimal value as Spark prints it: plain notation with exactly `scale` fraction digits
 * (`1.50` for decimal(10,2)). Values may arrive as numbers, bigints or decimal strings.
 */
export function decimalToString(value: number | bigint | string, scale: number): string {
  if (typeof value === 'bigint') return scale === 0 ? value.toString() : `${value}.${'0'.repeat(scale)}`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`A decimal cannot hold ${value}`);
    return roundDecimalString(plainNumberString(value), scale);
  }
  return roundDecimalString(String(value), scale);
}

/** A number's shortest digits in plain notation (no exponent): `1e-7` → `0.0000001`. */
export function plainNumberString(value: number): string {
  const [mantissa, exp] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exp);
  const sign = value < 0 ? '-' : '';
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return sign + digits.padEnd(exponent + 1, '0');
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Pads or rounds (half up, as Spark's decimals round) a plain decimal string to `scale` digits. */
export function roundDecimalString(text: string, scale: number): string {
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

/**
 * A decimal as Java's BigDecimal.toString prints it, which is how Spark names a decimal literal
 * (`100.00`, `0.000001`): plain while the exponent of its leading digit is -6 or more, else
 * scientific with the digits it has (`1E-8`, `1.230E-26`, `0E-7`). The value may be its digits as text
 * (a literal past a double's 17 digits).
 */
export function javaBigDecimalString(value: number | string, scale: number): string {
  const plain = decimalToString(value, scale);
  const sign = plain.startsWith('-') ? '-' : '';
  const coefficient = plain.replace(/^-/, '').replace('.', '').replace(/^0+(?=\d)/, '');
  const exponent = coefficient.length - 1 - scale;
  if (exponent >= -6) return plain;
  const mantissa = coefficient.length > 1 ? `${coefficient[0]}.${coefficient.slice(1)}` : coefficient;
  return `${sign}${mantissa}E${exponent}`;
}
