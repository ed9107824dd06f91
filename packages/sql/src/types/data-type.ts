/**
 * Spark SQL's data types (pyspark.sql.types): the scalar ("atomic") ones here, the nested
 * ones (array, map, struct) in complex-types.ts. Names and strings follow Spark 4 exactly:
 * `typeName()` is PySpark's (`integer`, `long`), `simpleString()` is the SQL name (`int`,
 * `bigint`), `jsonValue()` is what schemas serialize to.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export abstract class DataType {
  /** PySpark's type name: the class name without `Type`, lower case (`integer`, `long`, `void`). */
  abstract typeName(): string;

  /** The SQL spelling used in DDL and error messages (`int`, `bigint`, `array<string>`). */
  simpleString(): string {
    return this.typeName();
  }

  jsonValue(): JsonValue {
    return this.typeName();
  }

  /** Compact JSON with sorted keys, as PySpark's `DataType.json()` writes it. */
  json(): string {
    return stringifySorted(this.jsonValue());
  }

  /** Structural equality (PySpark's `==`): same kind and same parameters, nested ones too. */
  equals(other: unknown): boolean {
    return other instanceof DataType && other.constructor === this.constructor && other.json() === this.json();
  }

  /** PySpark's repr: `LongType()`, `DecimalType(10,2)`, `ArrayType(StringType(), True)`. */
  toString(): string {
    return `${this.constructor.name}()`;
  }
}

/** Every type that is not null, array, map or struct (PySpark's AtomicType). */
export abstract class AtomicType extends DataType {}
export abstract class NumericType extends AtomicType {}
export abstract class IntegralType extends NumericType {}
export abstract class FractionalType extends NumericType {}

export class NullType extends DataType {
  typeName(): string {
    return 'void';
  }
}

export class StringType extends AtomicType {
  typeName(): string {
    return 'string';
  }
}

export class BinaryType extends AtomicType {
  typeName(): string {
    return 'binary';
  }
}

export class BooleanType extends AtomicType {
  typeName(): string {
    return 'boolean';
  }
}

export class DateType extends AtomicType {
  typeName(): string {
    return 'date';
  }
}

/** A point in time, printed and parsed in the session time zone. */
export class TimestampType extends AtomicType {
  typeName(): string {
    return 'timestamp';
  }
}

/** A wall-clock date and time with no time zone. */
export class TimestampNTZType extends AtomicType {
  typeName(): string {
    return 'timestamp_ntz';
  }
}

export class ByteType extends IntegralType {
  typeName(): string {
    return 'byte';
  }
  override simpleString(): string {
    return 'tinyint';
  }
}

export class ShortType extends IntegralType {
  typeName(): string {
    return 'short';
  }
  override simpleString(): string {
    return 'smallint';
  }
}

export class IntegerType extends IntegralType {
  typeName(): string {
    return 'integer';
  }
  override simpleString(): string {
    return 'int';
  }
}

export class LongType extends IntegralType {
  typeName(): string {
    return 'long';
  }
  override simpleString(): string {
    return 'bigint';
  }
}

export class FloatType extends FractionalType {
  typeName(): string {
    return 'float';
  }
}

export class DoubleType extends FractionalType {
  typeName(): string {
    return 'double';
  }
}

export const DECIMAL_MAX_PRECISION = 38;

/** Fixed precision (total digits, at most 38) and scale (digits after the point). */
export class DecimalType extends FractionalType {
  constructor(
    readonly precision = 10,
    readonly scale = 0,
  ) {
    super();
    if (!Number.isInteger(precision) || precision < 1 || precision > DECIMAL_MAX_PRECISION) {
      throw new Error(
        `[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision ${precision} exceeds max precision ${DECIMAL_MAX_PRECISION}.`,
      );
    }
    if (!Number.isInteger(scale) || scale < 0 || scale > precision) {
      throw new Error(`Decimal scale (${scale}) cannot be greater than precision (${precision}).`);
    }
  }
  typeName(): string {
    return 'decimal';
  }
  override simpleString(): string {
    return `decimal(${this.precision},${this.scale})`;
  }
  override jsonValue(): JsonValue {
    return this.simpleString();
  }
  override toString(): string {
    return `DecimalType(${this.precision},${this.scale})`;
  }
}

export function stringifySorted(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stringifySorted).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stringifySorted(value[k])}`).join(',')}}`;
}
