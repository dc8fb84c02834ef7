// The mobile page a phone opens from the hand-off QR code: Scene Viewer (Android) with the GLB and
// AR Quick Look (iOS) with the USDZ, both at fixed (true) scale, plus a WebXR viewer link on secure pages.
// Pure string building; its inline script is allowed by hash in the page's own Content-Security-Policy.
import { createHash } from 'node:crypto';

export interface PageInput {
  title: string;
  /** Absolute URLs (the phone and Scene Viewer fetch them directly). */
  glbUrl: string;
  usdzUrl: string;
  /** A WebXR viewer for this design; offered only where the page is a secure context. */
  webXrUrl?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Scene Viewer intent: AR first, not resizable (true size), falling back to the plain GLB. */
export function sceneViewerIntent(glbUrl: string, title: string): string {
  const params = new URLSearchParams({ file: glbUrl, mode: 'ar_preferred', resizable: 'false', title });
  return (
    `intent://arvr.google.com/scene-viewer/1.2?${params.toString()}` +
    `#Intent;scheme=https;package=com.google.android.googlequicksearchbox;action=android.intent.action.VIEW;` +
    `S.browser_fallback_url=${encodeURIComponent(glbUrl)};end;`
  );
}

/** Shows the button for the phone's platform; the others stay visible if detection fails. */
const SCRIPT = `(function(){var ua=navigator.userAgent,ios=/iPhone|iPad|iPod/.test(ua)||(/Macintosh/.test(ua)&&navigator.maxTouchPoints>1),android=/Android/.test(ua);
var q=function(s){return document.querySelector(s)};
if(ios&&q('#android'))q('#android').hidden=true;if(android&&q('#ios'))q('#ios').hidden=true;
var a=document.createElement('a');if(ios&&!(a.relList&&a.relList.supports&&a.relList.supports('ar'))&&q('#ios-note'))q('#ios-note').hidden=false;
var xr=q('#webxr');if(xr&&window.isSecureContext&&navigator.xr&&navigator.xr.isSessionSupported){navigator.xr.isSessionSupported('immersive-ar').then(function(ok){if(ok)xr.hidden=false})}})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

export const PAGE_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A small self-contained page (no external resources). */
export function mobilePageHtml(p: PageInput): string {
  const title = esc(p.title || 'Your design');
  // AR Quick Look needs an <img> as the anchor's first child; #allowsContentScaling=0 locks true size.
  const poster = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24"><path fill="#1a1a1a" d="M12 2 3 7v10l9 5 9-5V7zm0 2.3 6.6 3.7L12 11.7 5.4 8zM5 9.7l6 3.4v6.6l-6-3.4zm8 10v-6.6l6-3.4v6.6z"/></svg>')}`;
  const xr = p.webXrUrl ? `<p id="webxr" hidden><a class="btn" href="${esc(p.webXrUrl)}">View in your browser (WebXR)</a></p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title} – view in your room</title>
<style>body{font:18px/1.4 system-ui,sans-serif;margin:0;padding:24px;max-width:32em;color:#1a1a1a}
h1{font-size:1.4em}.btn{display:flex;align-items:center;gap:12px;padding:16px;margin:12px 0;border-radius:12px;background:#f1efe9;color:inherit;text-decoration:none;font-weight:600;min-height:48px}
.btn img{width:48px;height:48px}small{color:#555}</style></head>
<body><h1>${title}</h1><p>See it on your table, at its real size.</p>
<p id="android"><a class="btn" href="${esc(sceneViewerIntent(p.glbUrl, p.title))}"><img src="${poster}" alt="">View in your room (Android)</a></p>
<p id="ios"><a class="btn" rel="ar" href="${esc(p.usdzUrl)}#allowsContentScaling=0"><img src="${poster}" alt="">View in your room (iPhone, iPad)</a></p>
<p id="ios-note" hidden><small>Open this page in Safari to view it in AR.</small></p>
${xr}
<p><small>Download: <a href="${esc(p.glbUrl)}" download>GLB</a> · <a href="${esc(p.usdzUrl)}" download>USDZ</a>. This link stops working in a few minutes.</small></p>
<script>${SCRIPT}</script></body></html>
`;
}
