import { NATIONS, SEGMENTS } from '../distributions.js';
import { address, money, phone, zeroPad9 } from '../format.js';
import { SeededRandom } from '../random.js';
import type { TpchScale } from '../scale.js';
import { TableWriter } from '../table-writer.js';
import type { TextPool } from '../text-pool.js';

export function writeCustomer(dir: string, scale: TpchScale, pool: TextPool): void {
  const r = SeededRandom.forStream('customer');
  const draw = (low: number, high: number) => r.int(low, high);
  const customer = new TableWriter(dir, 'customer');
  for (let key = 1; key <= scale.customers; key++) {
    const nationKey = r.int(0, NATIONS.length - 1);
    customer.row([
      key,
      `Customer#${zeroPad9(key)}`,
      address(draw, 10, 40),
      nationKey,
      phone(nationKey, draw),
      money(r.int(-99_999, 999_999)),
      r.pick(SEGMENTS),
      pool.text(r, 29, 116),
    ]);
  }
  customer.close();
}
