import { NATIONS } from '../distributions.js';
import { address, money, phone, zeroPad9 } from '../format.js';
import { SeededRandom } from '../random.js';
import type { TpchScale } from '../scale.js';
import { TableWriter } from '../table-writer.js';
import type { TextPool } from '../text-pool.js';

/**
 * SF*5 suppliers have 'Customer ... Complaints' in their comment and SF*5 others
 * 'Customer ... Recommends' (spec §4.2.3, S_COMMENT; q16 excludes the former). Rounded up, so
 * small scale factors have at least one of each.
 */
function pickCommentSuppliers(r: SeededRandom, scale: TpchScale): Map<number, string> {
  const perKind = Math.min(Math.ceil(scale.sf * 5), Math.floor(scale.suppliers / 2));
  const chosen = new Map<number, string>();
  for (const kind of ['Complaints', 'Recommends']) {
    let n = 0;
    while (n < perKind) {
      const key = r.int(1, scale.suppliers);
      if (chosen.has(key)) continue;
      chosen.set(key, kind);
      n++;
    }
  }
  return chosen;
}

export function writeSupplier(dir: string, scale: TpchScale, pool: TextPool): void {
  const r = SeededRandom.forStream('supplier');
  const special = pickCommentSuppliers(r, scale);
  const draw = (low: number, high: number) => r.int(low, high);
  const supplier = new TableWriter(dir, 'supplier');
  for (let key = 1; key <= scale.suppliers; key++) {
    const nationKey = r.int(0, NATIONS.length - 1);
    let comment = pool.text(r, 25, 100);
    const kind = special.get(key);
    if (kind) comment = `${pool.text(r, 5, 30)} Customer ${pool.text(r, 5, 30)} ${kind} ${pool.text(r, 5, 20)}`;
    supplier.row([
      key,
      `Supplier#${zeroPad9(key)}`,
      address(draw, 10, 40),
      nationKey,
      phone(nationKey, draw),
      money(r.int(-99_999, 999_999)),
      comment,
    ]);
  }
  supplier.close();
}
