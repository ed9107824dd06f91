/**
 * What a worker imports to run SQL tasks: the readers' and writers' functions and the spilling
 * operators' (the `sql` runtime namespace), when the first task of a driver that loaded SQL arrives.
 */
import './io/io-runtime.js';
import './physical/spill/spillable-groups.js';
import './physical/spill/spillable-join.js';
import './physical/runtime/sort-batches.js';
import './physical/runtime/group-partition.js';
import './physical/runtime/join-batches.js';
import './physical/runtime/key-runs.js';
import './physical/runtime/number-format.js';
