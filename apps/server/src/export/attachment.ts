/** A file name made of the title's ASCII letters and digits: safe in every header and file system. */
export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .toLowerCase()
      .slice(0, 60)
      .replace(/-+$/, '') || 'workshop'
  );
}

/** `Content-Disposition` for a download; the name is ASCII already, so no RFC 5987 form is needed. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/["\\\r\n]/g, '')}"`;
}

/** `crossboard-report-<title>-<YYYY-MM-DD>.<ext>`: sorts by date next to earlier exports. */
export function exportFileName(title: string, ext: string, now: number): string {
  return `${fileSlug(title)}-report-${new Date(now).toISOString().slice(0, 10)}.${ext}`;
}
