// The limits of a spreadsheet import (core: main process, its xlsx worker, and the CLI). A file past
// one is refused with BAD_FILE before it costs more memory or time; the figures leave an honest
// roster far inside them. Measured on exceljs's own output: 5,000 rows unpack to ~1.7 MB, 100,000
// rows of 7 columns to ~35 MB at a compression ratio of ~9, and exceljs holds 1,000,000 cells in
// ~400 MB of heap.

/** Rows of data in one import (the header row aside). */
export const MAX_DATA_ROWS = 100_000;
/** Columns a row may reach; a cell further right is refused, not silently dropped. */
export const MAX_COLUMNS = 200;
/** Cells in the whole workbook: exceljs builds every sheet in memory, not just the one imported. */
export const MAX_CELLS = 1_000_000;
/**
 * `<row>` elements a worksheet may hold. Excel writes a row element for an empty row that has a
 * format, so this leaves a margin above MAX_DATA_ROWS; it bounds exceljs's work before it starts.
 */
export const MAX_SHEET_ROW_ELEMENTS = MAX_DATA_ROWS + 1_000;

/** The declared size of all parts once unpacked. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Parts in the zip: a workbook has a dozen or two, a few hundred with many images. */
export const MAX_ZIP_ENTRIES = 500;
/**
 * Unpacked size over packed size. Spreadsheet XML compresses 6–10 times; deflate cannot do better
 * than ~1,030 times, which is what a part of zeros or one repeated row gets.
 */
export const MAX_COMPRESSION_RATIO = 100;
/** Below this unpacked size a part's ratio does not matter: it cannot cost much whatever it is. */
export const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;

/**
 * The xlsx worker's JavaScript heap. exceljs needs ~400 MB for MAX_CELLS; past this the worker is
 * stopped by V8 and the file refused, and the host process carries on.
 */
export const WORKER_HEAP_MB = 1024;
