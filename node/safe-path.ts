// The one rule for reading a file a model (or the catalog) names: it must really be inside its folder.
// Resolves real paths, so a symlink (or a linked folder) pointing out of the folder is refused, not followed.
// Node-only layer shared by main/ and cli/ (and the dev server); imports core/ only, never electron.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors';

/**
 * The real path of `rel` (a '/'-separated path) inside `folder`; undefined when there is no such file (the
 * caller reports a missing file its own way). Throws a UserError when the target, after resolving every link,
 * lies outside the folder.
 */
export function resolveInsideFolder(folder: string, rel: string, what = 'File'): string | undefined {
  let realFolder: string;
  let real: string;
  try {
    realFolder = realpathSync(folder);
    real = realpathSync(path.join(folder, ...rel.split('/')));
  } catch {
    return undefined;
  }
  if (real !== realFolder && real.startsWith(realFolder + path.sep)) return real;
  throw new UserError([{ file: path.join(folder, rel), message: `${what} ${rel} links to a place outside its folder (${path.basename(folder)}); only files inside the folder are read.` }]);
}
