// Renders the thumbnails of every catalog model at its defaults (software rasterizer): assets/models/<id>/thumbnail.png
// (256 px, the gallery's cards) and thumbnail-512.png / thumbnail-1024.png (the kiosk's attract screen picks the one
// that is sharp at its size × devicePixelRatio: renderer/ui/lib/thumbnails.ts).
// Run: npx tsx scripts/catalog/render-thumbnails.ts [size…]   (no sizes: all three)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGeometryKernel } from '../../core/geometry';
import { renderThumbnailPng } from '../../core/export';
import { defaultValues, evaluateScope } from '../../core/model';
import { valueContextFor } from '../../core/pipeline';
import { assetReader, loadCatalog } from '../../tests/catalog/catalog-support';
import { THUMBNAIL_SIZES, thumbnailFile } from '../../renderer/ui/lib/thumbnails';

const asked = process.argv.slice(2).map(Number);
const sizes = asked.length ? asked.filter((s) => (THUMBNAIL_SIZES as readonly number[]).includes(s)) : [...THUMBNAIL_SIZES];
const cat = loadCatalog();
const ctx = valueContextFor(cat.materials, cat.fonts);
const k = await createGeometryKernel();
for (const { model, dir } of cat.models) {
  const r = k.build({ model, scope: evaluateScope(model, defaultValues(model), ctx), quality: 'final', materials: cat.materials }, { fonts: cat.fonts, asset: assetReader(dir) });
  for (const size of sizes) {
    const png = renderThumbnailPng(r.parts, size);
    writeFileSync(path.join(dir, thumbnailFile('thumbnail.png', size)), png);
    console.log(model.id, `${size} px`, `${Math.round(png.length / 1024)} KB`, r.triangles, 'triangles');
  }
}
k.dispose();
