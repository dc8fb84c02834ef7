// QR codes of hand-off links, as SVG text and PNG data URL (via the `qrcode` package), and as a module matrix.
// Node only; nothing here knows about the server.
import QRCode from 'qrcode';

/** Error correction M: survives glare and a smudged screen, still small for a ~100-character URL. */
const LEVEL = 'M' as const;

/** The QR module matrix: `size` × `size`, true = dark. */
export function qrMatrix(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: LEVEL });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: LEVEL, margin: 4 });
}

export function qrPngDataUrl(text: string, width = 512): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: LEVEL, margin: 4, width });
}
