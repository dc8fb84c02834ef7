import path from 'node:path';
import base from '../vite.config';
const here = path.dirname(new URL(import.meta.url).pathname);
const map: Record<string, string> = { 'core/document/index': 'document' };
function shim() { return { name: 'shim', enforce: 'pre' as const, resolveId(id: string) { for (const [k, v] of Object.entries(map)) if (id.endsWith(k) || id.endsWith(k.replace('/index', ''))) return path.join(here, 'shim', v + '.ts'); return null; } }; }
export default { ...base, plugins: [shim(), ...(base as any).plugins], worker: { format: 'es', plugins: () => [shim()] } };
