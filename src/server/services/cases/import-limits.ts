// How large a CSV import may be. Shared with next.config.ts, whose server-action body limit must
// let any file up to this size reach the import's own "split the file" message.

/** The most characters one import accepts (about 500 cases is far below it). */
export const CSV_IMPORT_MAX_CHARS = 2_000_000;

/** Server actions accept a body this large: a 2 MB file of plain text plus the form's own fields. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = CSV_IMPORT_MAX_CHARS + 256 * 1024;
