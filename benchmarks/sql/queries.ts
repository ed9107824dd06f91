/**
 * The three sales queries, as SQL text (what Flint SQL and DuckDB run; the other engines
 * write the same job in their own API) and as the columns their answers carry.
 */
export const SALES_QUERIES = ['group-by', 'join', 'sort'] as const;
export type SalesQuery = (typeof SALES_QUERIES)[number];

export const SALES_SQL: Record<SalesQuery, string> = {
  'group-by':
    'SELECT region, product_id, sum(quantity * price) AS revenue, count(*) AS orders, avg(price) AS avg_price ' +
    'FROM sales GROUP BY region, product_id',
  join:
    'SELECT c.segment, sum(s.quantity * s.price) AS revenue, count(*) AS orders ' +
    'FROM sales s JOIN customers c ON s.customer_id = c.customer_id GROUP BY c.segment',
  sort: 'SELECT order_id FROM sales ORDER BY price DESC, order_id',
};

/**
 * How the sort's result is materialized, the same way by every engine: each consumes all
 * sorted rows in order and folds their order_id into an order-sensitive hash
 * (order-digest.ts), so that a wrong order or a lost row changes the answer.
 */
export const SORT_MATERIALIZATION =
  'the sort consumes every sorted row, in order, into an order-sensitive hash of order_id (rows and hash are the answer)';
