/**
 * What each thread of the hand-written program does with its half of sales.csv: totals per
 * (region, product_id), totals per customer segment, or its rows sorted by (price desc, order_id).
 * Fields are cut with indexOf, as a careful programmer writes a CSV loop for a known file.
 */
import { statSync } from 'node:fs';
import type { ByteRange } from '../../../wordcount/byte-range.js';
import { forEachLine } from './range-lines.js';

export type Totals = [revenue: number, orders: number, priceSum: number];

export interface SortedRun {
  orderIds: Int32Array;
  prices: Float64Array;
}

/** Calls `onSale` with the fields the queries use; skips the header line. */
function forEachSale(range: ByteRange, onSale: (orderId: number, customer: number, key: string, quantity: number, price: number) => void): void {
  forEachLine(range, (line) => {
    const c1 = line.indexOf(',');
    const orderId = Number(line.slice(0, c1));
    if (Number.isNaN(orderId)) return;
    const c2 = line.indexOf(',', c1 + 1);
    const c3 = line.indexOf(',', c2 + 1);
    const c4 = line.indexOf(',', c3 + 1);
    const c5 = line.indexOf(',', c4 + 1);
    const c6 = line.indexOf(',', c5 + 1);
    // key: region|product_id
    const key = `${line.slice(c3 + 1, c4)}|${line.slice(c2 + 1, c3)}`;
    onSale(orderId, Number(line.slice(c1 + 1, c2)), key, Number(line.slice(c4 + 1, c5)), Number(line.slice(c5 + 1, c6)));
  });
}

export function groupTotals(range: ByteRange): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  forEachSale(range, (_id, _customer, key, quantity, price) => {
    const t = totals.get(key);
    if (t === undefined) totals.set(key, [quantity * price, 1, price]);
    else (t[0] += quantity * price), t[1]++, (t[2] += price);
  });
  return totals;
}

export function segmentTotals(range: ByteRange, customersPath: string): Map<string, Totals> {
  const segmentOf: string[] = [];
  forEachLine({ path: customersPath, start: 0, end: statSync(customersPath).size }, (line) => {
    const id = Number(line.slice(0, line.indexOf(',')));
    if (!Number.isNaN(id)) segmentOf[id] = line.slice(line.lastIndexOf(',') + 1);
  });
  const totals = new Map<string, Totals>();
  forEachSale(range, (_id, customer, _key, quantity, price) => {
    const segment = segmentOf[customer];
    if (segment === undefined) return;
    const t = totals.get(segment);
    if (t === undefined) totals.set(segment, [quantity * price, 1, price]);
    else (t[0] += quantity * price), t[1]++, (t[2] += price);
  });
  return totals;
}

export function sortedRun(range: ByteRange): SortedRun {
  const ids: number[] = [];
  const prices: number[] = [];
  forEachSale(range, (id, _customer, _key, _quantity, price) => {
    ids.push(id);
    prices.push(price);
  });
  const order = Int32Array.from(ids.keys()).sort((a, b) => prices[b] - prices[a] || ids[a] - ids[b]);
  return { orderIds: Int32Array.from(order, (i) => ids[i]), prices: Float64Array.from(order, (i) => prices[i]) };
}
