/** Generators: explode and posexplode (and their _outer forms) over arrays and maps. */
import { registerFunction } from '../registry.js';

for (const outer of [false, true]) {
  for (const withPosition of [false, true]) {
    const name = `${withPosition ? 'posexplode' : 'explode'}${outer ? '_outer' : ''}`;
    registerFunction({
      type: 'generator',
      name,
      minArgs: 1,
      maxArgs: 1,
      outer,
      withPosition,
      // The generated columns' types come from generatorOutput (analyzer/generators.ts).
      returnType: ([t]) => t,
    });
  }
}
