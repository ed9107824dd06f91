/**
 * Which split of a Parquet file reads a row group: the one whose byte range holds the row
 * group's midpoint, as parquet-mr's ParquetMetadataConverter.filterFileMetaDataByMidpoint
 * decides for Spark's readers; so every row group is read by exactly one split of the file.
 */
import type { ColumnChunk, FileMetaData } from 'hyparquet';

/** parquet-mr's getOffset(ColumnChunk): where a column chunk starts, its dictionary page if that comes first. */
function chunkStart(chunk: ColumnChunk): number {
  const meta = chunk.meta_data!;
  const dataPage = Number(meta.data_page_offset);
  return meta.dictionary_page_offset !== undefined && dataPage > Number(meta.dictionary_page_offset) ? Number(meta.dictionary_page_offset) : dataPage;
}

/**
 * Each row group's midpoint: where its first column chunk starts plus half (rounded down) of
 * its compressed size (the row group's total_compressed_size, else the sum of its chunks').
 * Files whose column chunks carry no metadata use the row group's file_offset instead, 4 for the
 * first and the previous row group's end for a later one when file_offset is wrong (PARQUET-2078).
 */
export function rowGroupMidpoints(metadata: FileMetaData): number[] {
  const groups = metadata.row_groups;
  const chunkMetadata = groups.length === 0 || groups[0].columns[0]?.meta_data !== undefined;
  let previousStart = 0;
  let previousSize = 0;
  return groups.map((group) => {
    let start: number;
    if (chunkMetadata) {
      start = chunkStart(group.columns[0]);
    } else {
      start = Number(group.file_offset ?? 0);
      const invalid = previousStart === 0 ? start !== 4 : start < previousStart + previousSize;
      if (invalid) start = previousStart === 0 ? 4 : previousStart + previousSize;
      previousStart = start;
      previousSize = Number(group.total_compressed_size ?? 0);
    }
    const size =
      group.total_compressed_size !== undefined
        ? Number(group.total_compressed_size)
        : group.columns.reduce((n, c) => n + Number(c.meta_data?.total_compressed_size ?? 0), 0);
    return start + Math.floor(size / 2);
  });
}
