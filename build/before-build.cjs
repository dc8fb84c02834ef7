// electron-builder beforeBuild hook: returns false, which tells electron-builder that node_modules are
// handled outside it, so it neither installs, rebuilds nor copies any. Atelier needs none at run time:
// the main process and preload are esbuild bundles and the renderer is a Vite build (see electron-builder.yml).
'use strict';

async function beforeBuild() {
  return false;
}

module.exports = beforeBuild;
module.exports.default = beforeBuild;
