// QR codes of hand-off URLs decode back to the URL with an independent decoder (jsQR): once from the
// module matrix rendered to RGBA here, once from the PNG that qrcode writes (read with pngjs).
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrPngDataUrl, qrSvg } from './qr';

const URL_ = 'http://192.168.1.23:49152/q5m0Gd-8yV_k2lWc3nE7xA1bZ4pR9sT0/';

/** Renders the matrix at `scale` px per module with a 4-module quiet zone, as RGBA. */
function render(text: string, scale = 6) {
  const m = qrMatrix(text);
  const n = (m.size + 8) * scale;
  const rgba = new Uint8ClampedArray(n * n * 4).fill(255);
  for (let y = 0; y < m.size; y++)
    for (let x = 0; x < m.size; x++)
      if (m.dark(x, y))
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) {
            const i = (((y + 4) * scale + dy) * n + (x + 4) * scale + dx) * 4;
            rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
          }
  return { rgba, n };
}

describe('hand-off QR codes', () => {
  it('the module matrix decodes to the URL', () => {
    const { rgba, n } = render(URL_);
    expect(jsQR(rgba, n, n)?.data).toBe(URL_);
    const other = render(URL_.replace('23', '24'));
    expect(jsQR(other.rgba, other.n, other.n)?.data).not.toBe(URL_);
  });

  it('the PNG data URL decodes to the URL', async () => {
    const dataUrl = await qrPngDataUrl(URL_);
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(URL_);
  });

  it('the SVG is a standalone SVG document', async () => {
    const svg = await qrSvg(URL_);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain('<script');
  });
});
