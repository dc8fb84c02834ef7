// Catalog thumbnails in several sizes, so an image is sharp where it is shown large (the kiosk's attract screen) and
// small where it is small (the gallery's cards). A model names one PNG (`"thumbnail": "thumbnail.png"`, 256 px); the
// larger renderings sit beside it as thumbnail-512.png and thumbnail-1024.png (scripts/catalog/render-thumbnails.ts).
// Functions over URLs and names, and the image's fallback when the larger files are missing.

/** Pixel widths rendered for each catalog product; the first is the model's own thumbnail file. */
export const THUMBNAIL_SIZES = [256, 512, 1024] as const;

/** The file name of the rendering `size` px wide of a model's thumbnail file ("thumbnail.png" → "thumbnail-512.png"). */
export function thumbnailFile(name: string, size: number): string {
  return size === THUMBNAIL_SIZES[0] ? name : name.replace(/(\.png)?$/i, (ext) => `-${size}${ext || '.png'}`);
}

/**
 * A `srcset` for a thumbnail URL: every size, so the browser takes the smallest that is sharp at the displayed size
 * × devicePixelRatio. Empty for URLs that are not a PNG file (data: URLs, none); the image then shows `src`.
 */
export function thumbnailSrcset(url: string): string {
  const m = /^(.*?)(\.png)([?#].*)?$/i.exec(url);
  if (!m || url.startsWith('data:')) return '';
  const [, base, ext, rest = ''] = m;
  return THUMBNAIL_SIZES.map((s) => `${s === THUMBNAIL_SIZES[0] ? url : `${base}-${s}${ext}${rest}`} ${s}w`).join(', ');
}

/** An image's error handler: a model without the larger renderings (one a designer added) drops its srcset, so the
 *  browser shows `src` instead of a broken image. */
export function dropSrcset(e: Event): void {
  const img = e.currentTarget as HTMLImageElement;
  if (img.hasAttribute('srcset')) img.removeAttribute('srcset');
}
