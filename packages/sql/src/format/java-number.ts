/**
 * Numbers as Java prints them (`Double.toString`, `Float.toString`), which is how Spark casts
 * doubles and floats to text: the shortest digits that read back as the same value, in plain
 * notation with at least one fraction digit when 1e-3 <= |v| < 1e7 (`1.0`, `0.001`,
 * `1234567.0`), otherwise as `d.dddE±n` (`1.0E7`, `1.0E-4`); `NaN`, `Infinity`, `-0.0`.
 */

export function doubleToJavaString(value: number): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  return javaLayout(value, shortestDigits(value));
}

/** For a float column's value: the shortest digits (at least two, as in Java) that round to the same 32-bit float. */
export function floatToJavaString(value: number): string {
  const f = Math.fround(value);
  if (!Number.isFinite(f)) return nonFinite(f);
  for (let precision = 2; precision <= 9; precision++) {
    const candidate = Number(f.toPrecision(precision));
    if (Math.fround(candidate) === f) return javaLayout(f, shortestDigits(candidate));
  }
  return javaLayout(f, shortestDigits(f));
}

function nonFinite(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

interface Digits {
  digits: string; // significant digits, no leading zeros (`'0'` for zero)
  exponent: number; // value = 0.d1d2d3... × 10^(exponent + 1), i.e. d1 sits at 10^exponent
}

/**
 * JS's `toExponential()` without an argument gives the shortest round-trip digits. Java (JDK 19+,
 * Raffaello Giulietti's algorithm) never stops at one digit: it prints the two-digit decimal
 * closest to the value instead (`4.9E-324`, not `5.0E-324`), which `toPrecision(2)` finds.
 */
function shortestDigits(value: number): Digits {
  const [mantissa, exp] = Math.abs(value).toExponential().split('e');
  if (mantissa.length > 1) return { digits: mantissa.replace('.', ''), exponent: Number(exp) };
  const [twoDigits, twoExp] = Math.abs(value).toExponential(1).split('e');
  return { digits: twoDigits.replace('.', '').replace(/0$/, ''), exponent: Number(twoExp) };
}

function javaLayout(value: number, { digits, exponent }: Digits): string {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude === 0) return `${sign}0.0`;
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1) || '0';
    return `${sign}${intPart}.${fraction}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`;
}
