/** Ranking and offset functions, which exist only over a window (evaluated in physical/window). */
import { registerFunction, type WindowFunction } from '../registry.js';
import { Types } from '../types-used.js';

const ranking = (name: string, returns = Types.int): WindowFunction => ({
  type: 'window',
  name,
  minArgs: 0,
  maxArgs: 0,
  requiresOrder: true,
  returnType: () => returns,
});

registerFunction(ranking('row_number'));
registerFunction(ranking('rank'));
registerFunction(ranking('dense_rank'));
registerFunction(ranking('percent_rank', Types.double));
registerFunction(ranking('cume_dist', Types.double));
registerFunction({ ...ranking('ntile'), minArgs: 1, maxArgs: 1 });
for (const name of ['lag', 'lead']) {
  registerFunction({
    type: 'window',
    name,
    minArgs: 1,
    maxArgs: 3,
    requiresOrder: true,
    nullableResult: true,
    returnType: ([t]) => t,
  });
}
