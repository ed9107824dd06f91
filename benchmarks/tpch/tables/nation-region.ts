import { NATIONS, REGIONS } from '../distributions.js';
import { SeededRandom } from '../random.js';
import { TableWriter } from '../table-writer.js';
import type { TextPool } from '../text-pool.js';

export function writeNationAndRegion(dir: string, pool: TextPool): void {
  const r = SeededRandom.forStream('nation');
  const nation = new TableWriter(dir, 'nation');
  NATIONS.forEach(([name, regionKey], key) => nation.row([key, name, regionKey, pool.text(r, 31, 114)]));
  nation.close();

  const region = new TableWriter(dir, 'region');
  REGIONS.forEach((name, key) => region.row([key, name, pool.text(r, 31, 115)]));
  region.close();
}
