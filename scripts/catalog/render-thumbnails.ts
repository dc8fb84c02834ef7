// Renders assets/models/<id>/thumbnail.png for every catalog model at its defaults (software rasterizer).
// Run: npx tsx scripts/catalog/render-thumbnails.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGeometryKernel } from '../../core/geometry';
import { renderThumbnailPng } from '../../core/export';
import { defaultValues, evaluateScope } from '../../core/model';
import { assetReader, loadCatalog } from '../../tests/catalog/catalog-support';

const cat = loadCatalog();
const k = await createGeometryKernel();
for (const { model, dir } of cat.models) {
  const r = k.build({ model, scope: evaluateScope(model, defaultValues(model)), quality: 'final', materials: cat.materials }, { fonts: cat.fonts, asset: assetReader(dir) });
  writeFileSync(path.join(dir, 'thumbnail.png'), renderThumbnailPng(r.parts, 256));
  console.log(model.id, r.triangles, 'triangles');
}
k.dispose();
