import {
  COLORS, CONTAINER_SYLLABLE_1, CONTAINER_SYLLABLE_2, TYPE_SYLLABLE_1, TYPE_SYLLABLE_2, TYPE_SYLLABLE_3,
} from '../distributions.js';
import { money } from '../format.js';
import { SeededRandom } from '../random.js';
import { retailPriceCents, supplierOfPart, type TpchScale } from '../scale.js';
import { TableWriter } from '../table-writer.js';
import type { TextPool } from '../text-pool.js';

/** Five distinct color words (spec §4.2.3, P_NAME). */
function partName(r: SeededRandom): string {
  const words: string[] = [];
  while (words.length < 5) {
    const w = r.pick(COLORS);
    if (!words.includes(w)) words.push(w);
  }
  return words.join(' ');
}

/** PART and its four PARTSUPP rows per part. */
export function writePartAndPartSupp(dir: string, scale: TpchScale, pool: TextPool): void {
  const r = SeededRandom.forStream('part');
  const part = new TableWriter(dir, 'part');
  const partsupp = new TableWriter(dir, 'partsupp');
  for (let key = 1; key <= scale.parts; key++) {
    const mfgr = r.int(1, 5);
    part.row([
      key,
      partName(r),
      `Manufacturer#${mfgr}`,
      `Brand#${mfgr}${r.int(1, 5)}`,
      `${r.pick(TYPE_SYLLABLE_1)} ${r.pick(TYPE_SYLLABLE_2)} ${r.pick(TYPE_SYLLABLE_3)}`,
      r.int(1, 50),
      `${r.pick(CONTAINER_SYLLABLE_1)} ${r.pick(CONTAINER_SYLLABLE_2)}`,
      money(retailPriceCents(key)),
      pool.text(r, 5, 22),
    ]);
    for (let i = 0; i < 4; i++) {
      partsupp.row([
        key,
        supplierOfPart(key, i, scale.suppliers),
        r.int(1, 9_999),
        money(r.int(100, 100_000)),
        pool.text(r, 49, 198),
      ]);
    }
  }
  part.close();
  partsupp.close();
}
