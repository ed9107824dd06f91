export {
  iterateLineSplit,
  localFileRangeReader,
  readLineSplit,
  type LineSplitOptions,
  type RangeReader,
} from './splits/line-reader.js';
export { computeFileSplits, type ByteRange } from './splits/file-splits.js';
