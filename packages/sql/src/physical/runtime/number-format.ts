/**
 * Number formats of to_number/try_to_number and to_char (Spark's ToNumberParser): `0`/`9` digits,
 * `.`/`D` the decimal point, `,`/`G` thousands separators, `$`, `S`/`MI` signs and `PR` angle
 * brackets. A format is read once into tokens (digit runs and separators grouped, each group's
 * tokens reversed so leading optional digits may be absent), checked with Spark's INVALID_FORMAT
 * errors, then parses text into a decimal (a number here) or formats a number into text.
 * Generated code reaches it through globalThis, like the other runtime functions.
 */
export const NUMBER_FORMAT_SYMBOL = 'flint.sql.numberFormat';

type Digits = { kind: 'exactly' | 'atMost'; num: number };
type Token =
  | Digits
  | { kind: 'point' | 'comma' | 'dollar' | 'plusOrMinus' | 'minus' | 'open' | 'close' }
  | { kind: 'groups'; tokens: Token[]; digits: Digits[] }
  | { kind: 'invalid'; char: string };

const NAMES: Record<string, string> = { point: '. or D', comma: ', or G', dollar: '$', plusOrMinus: 'S', minus: 'MI', open: 'PR', close: 'PR', groups: 'digit sequence' };
const nameOf = (t: Token) => (t.kind === 'invalid' ? `character '${t.char}''` : NAMES[t.kind]!);
const isDigits = (t: Token): t is Digits => t.kind === 'exactly' || t.kind === 'atMost';
const digitCount = (t: Token) => (t.kind === 'groups' ? t.digits.reduce((n, d) => n + d.num, 0) : 0);

function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  let point = false;
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    if (c === '0' || c === '9') {
      const start = i;
      do i++;
      while (i < format.length && (format[i] === '0' || format[i] === '9'));
      tokens.push({ kind: c === '0' && !point ? 'exactly' : 'atMost', num: i - start });
      continue;
    }
    const pair = format.slice(i, i + 2);
    if (pair === 'MI') tokens.push({ kind: 'minus' });
    else if (pair === 'PR') {
      tokens.unshift({ kind: 'open' });
      tokens.push({ kind: 'close' });
    } else if (c === '.' || c === 'D') {
      tokens.push({ kind: 'point' });
      point = true;
    } else if (c === ',' || c === 'G') tokens.push({ kind: 'comma' });
    else if (c === '$') tokens.push({ kind: 'dollar' });
    else if (c === 'S') tokens.push({ kind: 'plusOrMinus' });
    else tokens.push({ kind: 'invalid', char: c });
    i += pair === 'MI' || pair === 'PR' ? 2 : 1;
  }
  const grouped: Token[] = [];
  let group: Token[] = [];
  const flush = () => {
    if (group.length > 0) grouped.push({ kind: 'groups', tokens: [...group].reverse(), digits: group.filter(isDigits).reverse() });
    group = [];
  };
  for (const t of tokens) {
    if (isDigits(t) || t.kind === 'comma') group.push(t);
    else {
      flush();
      grouped.push(t);
    }
  }
  flush();
  return grouped;
}

/** ToNumberParser.checkInputDataTypes: the sub-class and detail of INVALID_FORMAT, or undefined. */
function invalidity(format: string, tokens: Token[]): [string, string] | undefined {
  const index = (kind: string) => tokens.findIndex((t) => t.kind === kind);
  const point = index('point');
  const dollar = index('dollar');
  const groups = tokens.map((t, i) => [t, i] as const).filter(([t]) => t.kind === 'groups');
  if (format === '') return ['EMPTY', 'The number format string cannot be empty.'];
  if (groups.length === 0) return ['WRONG_NUM_DIGIT', 'The format string requires at least one number digit.'];
  if (index('groups') < dollar) return ['CUR_MUST_BEFORE_DIGIT', 'Currency characters must appear before digits in the number format.'];
  if (point !== -1 && point < dollar) return ['CUR_MUST_BEFORE_DEC', 'Currency characters must appear before any decimal point in the number format.'];
  const badSeparators = groups.some(([g, i]) => {
    if (g.kind !== 'groups' || (point !== -1 && i > point)) return false;
    return g.tokens.some((t, j) => t.kind === 'comma' && (j === 0 || j === g.tokens.length - 1 || g.tokens[j - 1]!.kind === 'comma' || g.tokens[j + 1]!.kind === 'comma'));
  });
  if (badSeparators) return ['CONT_THOUSANDS_SEPS', 'Thousands separators (, or G) must have digits in between them in the number format.'];
  if (groups.some(([g, i]) => g.kind === 'groups' && point !== -1 && i > point && g.tokens.length > g.digits.length)) {
    return ['THOUSANDS_SEPS_MUST_BEFORE_DEC', 'Thousands separators (, or G) may not appear after the decimal point in the number format.'];
  }
  for (const kind of ['point', 'plusOrMinus', 'minus', 'dollar', 'close']) {
    if (tokens.filter((t) => t.kind === kind).length > 1) return ['WRONG_NUM_TOKEN', `At most one ${NAMES[kind]} is allowed in the number format.`];
  }
  const order = [['open'], ['minus', 'plusOrMinus'], ['dollar'], ['groups'], ['point'], ['groups'], ['dollar'], ['minus', 'plusOrMinus', 'close']];
  let at = 0;
  for (const allowed of order) if (at < tokens.length && allowed.includes(tokens[at]!.kind)) at++;
  if (at < tokens.length) {
    return ['UNEXPECTED_TOKEN', `Found the unexpected ${nameOf(tokens[at]!)} in the format string; the structure of the format string must match: \`[MI|S]\` \`[$]\` \`[0|9|G|,]*\` \`[.|D]\` \`[0|9]*\` \`[$]\` \`[PR|MI|S]\`.`];
  }
  return undefined;
}

const quote = (s: string) => `'${s.replace(/'/g, "\\'")}'`;

class NumberFormat {
  private readonly tokens: Token[];
  readonly precision: number;
  readonly scale: number;

  constructor(private readonly format: string) {
    this.tokens = tokenize(format);
    const invalid = invalidity(format, this.tokens);
    if (invalid) throw new Error(`[INVALID_FORMAT.${invalid[0]}] The format is invalid: ${quote(format)}. ${invalid[1]} SQLSTATE: 42601`);
    this.precision = this.tokens.reduce((n, t) => n + digitCount(t), 0);
    const point = this.tokens.findIndex((t) => t.kind === 'point');
    this.scale = point === -1 ? 0 : this.tokens.slice(point).reduce((n, t) => n + digitCount(t), 0);
  }

  private mismatch(type: string, input: string, errorOnFail: boolean): null {
    if (errorOnFail) throw new Error(`[INVALID_FORMAT.MISMATCH_INPUT] The format is invalid: ${quote(this.format)}. The input ${type} ${input} does not match the format. SQLSTATE: 42601`);
    return null;
  }

  /** ToNumberParser.parse: the number the text spells, or null / an error when it does not match. */
  parse(input: string, errorOnFail: boolean): number | null {
    let before = '';
    let after = '';
    let point = false;
    let opened = false;
    let closed = false;
    let negate = false;
    let i = 0;
    for (const token of this.tokens) {
      const c = input[i];
      switch (token.kind) {
        case 'groups': {
          const sizes: number[] = [];
          let inGroup = 0;
          let stopped = false;
          while (i < input.length) {
            const ch = input[i]!;
            if (/\s/.test(ch)) i++;
            else if (ch >= '0' && ch <= '9') {
              inGroup++;
              if (point) after += ch;
              else before += ch;
              i++;
            } else if (ch === ',') {
              sizes.unshift(inGroup);
              inGroup = 0;
              i++;
            } else {
              sizes.unshift(inGroup);
              stopped = true;
              break;
            }
          }
          if (!stopped) sizes.unshift(inGroup);
          if (sizes.length > token.digits.length) return this.mismatch('"STRING"', input, errorOnFail);
          for (let k = 0; k < token.digits.length; k++) {
            const expected = token.digits[k]!;
            const actual = sizes[k] ?? 0;
            if (expected.kind === 'exactly' ? actual !== expected.num : actual > expected.num) return this.mismatch('"STRING"', input, errorOnFail);
          }
          break;
        }
        case 'point':
          if (c === '.') {
            point = true;
            i++;
          }
          break;
        case 'dollar':
          if (c !== undefined) {
            if (c !== '$') return this.mismatch('"STRING"', input, errorOnFail);
            i++;
          }
          break;
        case 'plusOrMinus':
        case 'minus':
          if (c === '-' || (c === '+' && token.kind === 'plusOrMinus')) {
            if (c === '-') negate = !negate;
            i++;
          }
          break;
        case 'open':
          if (c === '<') {
            if (opened) return this.mismatch('"STRING"', input, errorOnFail);
            opened = true;
            i++;
          }
          break;
        case 'close':
          if (c === '>') {
            if (!opened) return this.mismatch('"STRING"', input, errorOnFail);
            closed = true;
            negate = !negate;
            i++;
          }
          break;
      }
    }
    if (i < input.length || opened !== closed || (before === '' && after === '')) return this.mismatch('"STRING"', input, errorOnFail);
    const text = `${negate ? '-' : ''}${before || '0'}${this.scale > 0 ? `.${after.padEnd(this.scale, '0')}` : ''}`;
    return Number(text);
  }

  /** ToNumberParser.format: the number as text, `#` in every digit place when it does not fit. */
  formatNumber(value: number, errorOnFail: boolean): string | null {
    const plain = plainString(value);
    const [whole = '', fraction = ''] = plain.split('.');
    let beforeDigits = whole.replace(/^[-0]+/, '');
    let afterDigits = fraction.replace(/0+$/, '');
    let formatBefore = 0;
    let formatAfter = 0;
    let reached = false;
    for (const t of this.tokens) {
      if (t.kind === 'point') reached = true;
      else if (reached) formatAfter += digitCount(t);
      else formatBefore += digitCount(t);
    }
    if (formatBefore < beforeDigits.length || formatAfter < afterDigits.length) {
      beforeDigits = '#'.repeat(formatBefore);
      afterDigits = '#'.repeat(formatAfter);
    }
    const before = ' '.repeat(formatBefore - beforeDigits.length) + beforeDigits;
    const after = afterDigits + '0'.repeat(formatAfter - afterDigits.length);
    const out: string[] = [];
    let bi = 0;
    let ai = 0;
    reached = false;
    const negative = value < 0;
    for (const t of this.tokens) {
      switch (t.kind) {
        case 'groups':
          for (const g of [...t.tokens].reverse()) {
            if (g.kind === 'comma') {
              if (out.length > 0 && /[0-9]/.test(out[out.length - 1]!)) out.push(',');
              else addSpace(out);
            } else if (isDigits(g)) {
              for (let k = 0; k < g.num; k++) {
                if (reached) out.push(after[ai++]!);
                else {
                  const ch = before[bi++]!;
                  if (ch === ' ' && g.kind === 'exactly') out.push('0');
                  else if (ch === ' ') addSpace(out);
                  else out.push(ch);
                }
              }
            }
          }
          break;
        case 'point':
          if (out.length > 0 && out[out.length - 1] === ' ') out[out.length - 1] = '0';
          out.push('.');
          reached = true;
          break;
        case 'dollar':
          out.push('$');
          break;
        case 'plusOrMinus':
          stripLonePoint(out);
          addChar(out, negative ? '-' : '+');
          break;
        case 'minus':
          if (negative) {
            stripLonePoint(out);
            addChar(out, '-');
          } else out.push(' ');
          break;
        case 'open':
          if (negative) out.push('<');
          break;
        case 'close':
          stripLonePoint(out);
          if (negative) addChar(out, '>');
          else out.push(' ', ' ');
          break;
      }
    }
    if (bi < before.length || ai < after.length) return this.mismatch('"DECIMAL"', plain, errorOnFail) as null;
    stripLonePoint(out);
    const text = out.join('');
    return text === '' || text === '+' || text === '-' ? '0' : text;
  }
}

/** The number without exponent notation, as Java's BigDecimal.toPlainString writes it. */
function plainString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return Math.abs(value) >= 1 ? BigInt(Math.trunc(value)).toString() : value.toFixed(20).replace(/0+$/, '');
}

/** A character after spaces moves before them (a sign next to its digits). */
function addChar(out: string[], char: string): void {
  out.push(char);
  for (let i = out.length - 1; i >= 1 && out[i - 1] === ' ' && out[i] === char; i--) {
    out[i] = ' ';
    out[i - 1] = char;
  }
}

/** A space after a sign or `<` moves before it. */
function addSpace(out: string[]): void {
  out.push(' ');
  for (let i = out.length - 1; i >= 1 && (out[i - 1] === '+' || out[i - 1] === '-' || out[i - 1] === '<') && out[i] === ' '; i--) {
    out[i] = out[i - 1]!;
    out[i - 1] = ' ';
  }
}

function stripLonePoint(out: string[]): void {
  const i = out.indexOf('.');
  if (i !== -1 && (i === out.length - 1 || out[i + 1] === ' ')) out[i] = ' ';
}

const formats = new Map<string, NumberFormat>();
function numberFormat(format: string): NumberFormat {
  let f = formats.get(format);
  if (f === undefined) {
    f = new NumberFormat(format);
    formats.set(format, f);
  }
  return f;
}

export const numberFormats = {
  /** The decimal type's precision and scale a format parses into (checks the format). */
  typeOf: (format: string): [number, number] => {
    const f = numberFormat(format);
    return [f.precision, f.scale];
  },
  /** A format read once, for parsing (`parse(text, errorOnFail)`) or formatting (`formatNumber(value, true)`) many values. */
  compile: (format: string): NumberFormat => numberFormat(format),
};

(globalThis as Record<symbol, unknown>)[Symbol.for(NUMBER_FORMAT_SYMBOL)] = numberFormats;
