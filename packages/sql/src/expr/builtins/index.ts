/** Registers every built-in function family (each file registers its functions when loaded). */
import './aggregates.js';
import './strings.js';
import './math.js';
import './conditional.js';
import './datetime.js';
import './collections.js';
import './window-functions.js';
import './generators.js';
import './calendar.js';
import './array-functions.js';
import './statistics.js';
import './grouping.js';
