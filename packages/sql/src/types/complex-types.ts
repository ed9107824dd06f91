/**
 * The nested data types: ArrayType, MapType, and StructType with its StructFields
 * (pyspark.sql.types). A StructType is also a DataFrame's schema.
 */
import { DataType, type JsonValue } from './data-type.js';
import { parseDataType } from './ddl.js';
import { treeString } from '../format/tree-string.js';

const pyBool = (b: boolean): string => (b ? 'True' : 'False');

export class ArrayType extends DataType {
  constructor(
    readonly elementType: DataType,
    readonly containsNull = true,
  ) {
    super();
    assertDataType(elementType, 'elementType');
  }
  typeName(): string {
    return 'array';
  }
  override simpleString(): string {
    return `array<${this.elementType.simpleString()}>`;
  }
  override jsonValue(): JsonValue {
    return { type: 'array', elementType: this.elementType.jsonValue(), containsNull: this.containsNull };
  }
  override toString(): string {
    return `ArrayType(${this.elementType}, ${pyBool(this.containsNull)})`;
  }
}

export class MapType extends DataType {
  constructor(
    readonly keyType: DataType,
    readonly valueType: DataType,
    readonly valueContainsNull = true,
  ) {
    super();
    assertDataType(keyType, 'keyType');
    assertDataType(valueType, 'valueType');
  }
  typeName(): string {
    return 'map';
  }
  override simpleString(): string {
    return `map<${this.keyType.simpleString()},${this.valueType.simpleString()}>`;
  }
  override jsonValue(): JsonValue {
    return {
      type: 'map',
      keyType: this.keyType.jsonValue(),
      valueType: this.valueType.jsonValue(),
      valueContainsNull: this.valueContainsNull,
    };
  }
  override toString(): string {
    return `MapType(${this.keyType}, ${this.valueType}, ${pyBool(this.valueContainsNull)})`;
  }
}

export type FieldMetadata = { [key: string]: JsonValue };

export class StructField {
  readonly metadata: FieldMetadata;
  constructor(
    readonly name: string,
    readonly dataType: DataType,
    readonly nullable = true,
    metadata: FieldMetadata | null = {},
  ) {
    if (typeof name !== 'string') throw new Error(`field name ${String(name)} should be a string`);
    assertDataType(dataType, 'dataType');
    this.metadata = metadata ?? {};
  }
  simpleString(): string {
    return `${this.name}:${this.dataType.simpleString()}`;
  }
  jsonValue(): { [key: string]: JsonValue } {
    return { name: this.name, type: this.dataType.jsonValue(), nullable: this.nullable, metadata: this.metadata };
  }
  equals(other: unknown): boolean {
    return (
      other instanceof StructField &&
      other.name === this.name &&
      other.nullable === this.nullable &&
      other.dataType.equals(this.dataType) &&
      JSON.stringify(other.metadata) === JSON.stringify(this.metadata)
    );
  }
  /** The field's `COMMENT`, if its DDL gave one. */
  getComment(): string | undefined {
    const comment = this.metadata.comment;
    return typeof comment === 'string' ? comment : undefined;
  }
  toString(): string {
    return `StructField('${this.name}', ${this.dataType}, ${pyBool(this.nullable)})`;
  }
}

export class StructType extends DataType implements Iterable<StructField> {
  readonly fields: readonly StructField[];

  constructor(fields: readonly StructField[] = []) {
    super();
    for (const f of fields) {
      if (!(f instanceof StructField)) throw new Error('StructType fields should be a list of StructField');
    }
    this.fields = [...fields];
  }

  /** Spark's table-schema DDL: `'a INT NOT NULL, b STRING COMMENT "x"'`. */
  static fromDDL(ddl: string): StructType {
    const type = parseDataType(ddl);
    if (type instanceof StructType) return type;
    throw new Error(`[PARSE_SYNTAX_ERROR] Expected a list of columns (name type, ...), got the type ${type.simpleString()}: "${ddl}".`);
  }

  typeName(): string {
    return 'struct';
  }
  get names(): string[] {
    return this.fields.map((f) => f.name);
  }
  fieldNames(): string[] {
    return this.names;
  }
  get length(): number {
    return this.fields.length;
  }
  [Symbol.iterator](): Iterator<StructField> {
    return this.fields[Symbol.iterator]();
  }

  /**
   * A new StructType with one more field: `add(field)` or `add(name, dataType, nullable?, metadata?)`
   * where dataType is a DataType or a DDL type string. (PySpark's `add` also mutates; this one
   * returns a new schema, as Scala's does, so shared schemas never change under a plan.)
   */
  add(field: StructField | string, dataType?: DataType | string, nullable = true, metadata: FieldMetadata | null = {}): StructType {
    if (field instanceof StructField) return new StructType([...this.fields, field]);
    if (dataType === undefined) throw new Error('Must specify DataType if passing name of struct_field to create.');
    const type = typeof dataType === 'string' ? parseDataType(dataType) : dataType;
    return new StructType([...this.fields, new StructField(field, type, nullable, metadata)]);
  }

  /** A field by name or position (PySpark's `schema['age']`, `schema[0]`). */
  get(key: string | number): StructField {
    if (typeof key === 'number') {
      const index = key < 0 ? this.fields.length + key : key;
      const field = this.fields[index];
      if (!Number.isInteger(key) || field === undefined) throw new Error('StructType index out of range');
      return field;
    }
    const field = this.fields.find((f) => f.name === key);
    if (field === undefined) throw new Error(`No StructField named ${key}`);
    return field;
  }

  fieldIndex(name: string): number {
    const index = this.fields.findIndex((f) => f.name === name);
    if (index < 0) throw new Error(`No StructField named ${name}`);
    return index;
  }

  override simpleString(): string {
    return `struct<${this.fields.map((f) => f.simpleString()).join(',')}>`;
  }
  override jsonValue(): JsonValue {
    return { type: 'struct', fields: this.fields.map((f) => f.jsonValue()) };
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof StructType &&
      other.fields.length === this.fields.length &&
      other.fields.every((f, i) => f.equals(this.fields[i]))
    );
  }
  override toString(): string {
    return `StructType([${this.fields.map(String).join(', ')}])`;
  }

  /** What `printSchema()` prints (Spark's `StructType.treeString`), ending in a newline. */
  treeString(maxDepth = Number.MAX_SAFE_INTEGER): string {
    return treeString(this, maxDepth);
  }
}

function assertDataType(value: unknown, what: string): void {
  if (!(value instanceof DataType)) throw new Error(`${what} ${String(value)} should be an instance of DataType`);
}
