/**
 * What a worker imports to run SQL tasks: the readers' and writers' functions and the spilling
 * operators' (the `sql` runtime namespace); and Java's number printing, which Writables print with.
 */
import './io/io-runtime.js';
import './physical/spill/spillable-groups.js';
import './physical/spill/spillable-join.js';
import './physical/runtime/sort-batches.js';
import './physical/runtime/group-partition.js';
import './physical/runtime/join-batches.js';
export { doubleToJavaString, floatToJavaString } from './format/java-number.js';
