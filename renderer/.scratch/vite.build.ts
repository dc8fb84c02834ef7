import base from './vite.scratch';
export default { ...base, build: { outDir: '/tmp/scratch-web', emptyOutDir: true, assetsDir: 'app', target: 'es2022' } };
