import { INSTRUCTIONS, PRIORITIES, SHIP_MODES } from '../distributions.js';
import { CURRENT_DAY, LAST_ORDER_DAY, dateText, money, zeroPad9 } from '../format.js';
import { SeededRandom } from '../random.js';
import { orderKey, retailPriceCents, supplierOfPart, type TpchScale } from '../scale.js';
import { TableWriter } from '../table-writer.js';
import type { TextPool } from '../text-pool.js';

/** A customer key that is not a multiple of 3: a third of the customers place no orders. */
function orderingCustomer(r: SeededRandom, customers: number): number {
  for (;;) {
    const key = r.int(1, customers);
    if (key % 3 !== 0 || customers < 3) return key;
  }
}

/**
 * ORDERS with their 1..7 LINEITEMs each (spec §4.2.3). An order's status and total price
 * derive from its lines, so both tables come from one pass.
 */
export function writeOrdersAndLineitem(dir: string, scale: TpchScale, pool: TextPool): void {
  const r = SeededRandom.forStream('orders');
  const orders = new TableWriter(dir, 'orders');
  const lineitem = new TableWriter(dir, 'lineitem');
  const lines: (string | number)[][] = [];
  for (let index = 0; index < scale.orders; index++) {
    const key = orderKey(index);
    const customer = orderingCustomer(r, scale.customers);
    const orderDay = r.int(0, LAST_ORDER_DAY);
    const lineCount = r.int(1, 7);
    let totalCents = 0;
    let shipped = 0;
    lines.length = 0;
    for (let line = 1; line <= lineCount; line++) {
      const part = r.int(1, scale.parts);
      const supplier = supplierOfPart(part, r.int(0, 3), scale.suppliers);
      const quantity = r.int(1, 50);
      const extendedCents = quantity * retailPriceCents(part);
      const discount = r.int(0, 10);
      const tax = r.int(0, 8);
      const shipDay = orderDay + r.int(1, 121);
      const commitDay = orderDay + r.int(30, 90);
      const receiptDay = shipDay + r.int(1, 30);
      const returnFlag = receiptDay <= CURRENT_DAY ? (r.int(0, 1) === 0 ? 'R' : 'A') : 'N';
      const lineStatus = shipDay > CURRENT_DAY ? 'O' : 'F';
      if (lineStatus === 'F') shipped++;
      totalCents += (extendedCents * (100 - discount) * (100 + tax)) / 10_000;
      lines.push([
        key, part, supplier, line, quantity, money(extendedCents),
        money(discount), money(tax), returnFlag, lineStatus,
        dateText(shipDay), dateText(commitDay), dateText(receiptDay),
        r.pick(INSTRUCTIONS), r.pick(SHIP_MODES), pool.text(r, 10, 43),
      ]);
    }
    const status = shipped === lineCount ? 'F' : shipped === 0 ? 'O' : 'P';
    orders.row([
      key, customer, status, money(Math.round(totalCents)), dateText(orderDay), r.pick(PRIORITIES),
      `Clerk#${zeroPad9(r.int(1, scale.clerks))}`, 0, pool.text(r, 19, 78),
    ]);
    for (const fields of lines) lineitem.row(fields);
  }
  orders.close();
  lineitem.close();
}
