/**
 * How a refusal names the document limit (MAX_DOCUMENT_BYTES, `limits.maxDocumentBytes`):
 * in MiB as an operator configures it, in KiB below one MiB (test servers use small limits).
 */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * The message of a 413 DOCUMENT_TOO_LARGE; `what` says what would have grown it, `room` what
 * the people asking call the document (the facilitator knows a board, not a Yjs document).
 */
export function documentTooLarge(bytes: number, limit: number, what = 'This change', room = 'document'): string {
  return `${what} would make the ${room} ${formatBytes(bytes)}, past the limit of ${formatBytes(limit)} a workshop ${room} may hold; nothing was changed.`;
}
