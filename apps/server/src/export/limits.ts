/** A JSON export of a big workshop is far larger than an ordinary request (64 KiB). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
/** Formats of GET /api/workshops/:id/export. */
export const EXPORT_FORMATS = ['md', 'csv', 'json', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
