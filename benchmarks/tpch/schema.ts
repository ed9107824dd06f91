/**
 * The eight TPC-H tables as the generator writes them: one CSV file per table, named
 * `<table>.csv`, with a header row of the column names, ',' as separator, no quoting needed
 * (no generated value contains a comma, a double quote or a newline), dates as `yyyy-MM-dd`.
 * Money and quantities are `double` (the spec's DECIMAL(15,2) values all have two decimals).
 */

export type TpchColumnType = 'bigint' | 'int' | 'double' | 'date' | 'string';

export const TPCH_TABLES = {
  part: {
    p_partkey: 'bigint', p_name: 'string', p_mfgr: 'string', p_brand: 'string', p_type: 'string',
    p_size: 'int', p_container: 'string', p_retailprice: 'double', p_comment: 'string',
  },
  supplier: {
    s_suppkey: 'bigint', s_name: 'string', s_address: 'string', s_nationkey: 'bigint',
    s_phone: 'string', s_acctbal: 'double', s_comment: 'string',
  },
  partsupp: {
    ps_partkey: 'bigint', ps_suppkey: 'bigint', ps_availqty: 'int', ps_supplycost: 'double',
    ps_comment: 'string',
  },
  customer: {
    c_custkey: 'bigint', c_name: 'string', c_address: 'string', c_nationkey: 'bigint',
    c_phone: 'string', c_acctbal: 'double', c_mktsegment: 'string', c_comment: 'string',
  },
  orders: {
    o_orderkey: 'bigint', o_custkey: 'bigint', o_orderstatus: 'string', o_totalprice: 'double',
    o_orderdate: 'date', o_orderpriority: 'string', o_clerk: 'string', o_shippriority: 'int',
    o_comment: 'string',
  },
  lineitem: {
    l_orderkey: 'bigint', l_partkey: 'bigint', l_suppkey: 'bigint', l_linenumber: 'int',
    l_quantity: 'double', l_extendedprice: 'double', l_discount: 'double', l_tax: 'double',
    l_returnflag: 'string', l_linestatus: 'string', l_shipdate: 'date', l_commitdate: 'date',
    l_receiptdate: 'date', l_shipinstruct: 'string', l_shipmode: 'string', l_comment: 'string',
  },
  nation: { n_nationkey: 'bigint', n_name: 'string', n_regionkey: 'bigint', n_comment: 'string' },
  region: { r_regionkey: 'bigint', r_name: 'string', r_comment: 'string' },
} as const satisfies Record<string, Record<string, TpchColumnType>>;

export type TpchTableName = keyof typeof TPCH_TABLES;

export const TPCH_TABLE_NAMES = Object.keys(TPCH_TABLES) as TpchTableName[];

/** The table's schema as a Spark DDL string, e.g. `'r_regionkey BIGINT, r_name STRING, ...'`. */
export function tpchSchemaDDL(table: TpchTableName): string {
  return Object.entries(TPCH_TABLES[table])
    .map(([name, type]) => `${name} ${type.toUpperCase()}`)
    .join(', ');
}

export function tpchColumns(table: TpchTableName): string[] {
  return Object.keys(TPCH_TABLES[table]);
}
