import qrcode from 'qrcode-generator';

/** Modules of blank margin around the code, as the QR specification asks, so phones find its edges. */
export const QR_QUIET_ZONE = 4;

/**
 * The dark modules of the QR code for `text`, row by row. Error correction M survives a
 * projector's glare and a phone held at an angle without making a long link's code too dense.
 */
export function qrMatrix(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
}

/**
 * One SVG path with a unit square per dark module, offset by the quiet zone. A path (not a
 * data: image or canvas) keeps the code sharp at any size and needs nothing the CSP forbids.
 */
export function qrPath(matrix: boolean[][]): string {
  let d = '';
  for (const [row, cells] of matrix.entries()) {
    for (const [col, dark] of cells.entries()) {
      if (dark) d += `M${col + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h1v1h-1z`;
    }
  }
  return d;
}
