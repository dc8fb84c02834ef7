import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { THUMBNAIL_SIZES, thumbnailFile, thumbnailSrcset } from './thumbnails';

const models = path.resolve(__dirname, '../../../assets/models');

/** Width of a PNG from its IHDR chunk. */
const pngWidth = (file: string) => readFileSync(file).readUInt32BE(16);

describe('catalog thumbnails in several sizes', () => {
  it('names the larger renderings beside the model\'s own file', () => {
    expect(thumbnailFile('thumbnail.png', 256)).toBe('thumbnail.png');
    expect(thumbnailFile('thumbnail.png', 1024)).toBe('thumbnail-1024.png');
    expect(thumbnailFile('img/card.PNG', 512)).toBe('img/card-512.PNG');
  });

  it('offers every size to the browser, keeping query and fragment, and nothing for data: URLs', () => {
    expect(thumbnailSrcset('/assets/models/mug/thumbnail.png')).toBe(
      '/assets/models/mug/thumbnail.png 256w, /assets/models/mug/thumbnail-512.png 512w, /assets/models/mug/thumbnail-1024.png 1024w',
    );
    expect(thumbnailSrcset('atelier://app/assets/models/mug/thumbnail.png?v=2')).toContain('thumbnail-1024.png?v=2 1024w');
    expect(thumbnailSrcset('data:image/png;base64,AAAA')).toBe('');
    expect(thumbnailSrcset('/assets/models/mug/thumbnail.jpg')).toBe('');
    expect(thumbnailSrcset('')).toBe('');
  });

  it('has every catalog product rendered at every size, each file as wide as its name says', () => {
    const dirs = readdirSync(models, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.length).toBeGreaterThan(0);
    for (const d of dirs) {
      const model = readdirSync(path.join(models, d.name)).find((f) => f.endsWith('.model.json'));
      if (!model) continue;
      const thumb = (JSON.parse(readFileSync(path.join(models, d.name, model), 'utf8')) as { thumbnail?: string }).thumbnail;
      if (!thumb) continue;
      for (const size of THUMBNAIL_SIZES) {
        const file = path.join(models, d.name, thumbnailFile(thumb, size));
        expect(existsSync(file), file).toBe(true);
        expect(pngWidth(file), file).toBe(size);
      }
    }
  });
});
