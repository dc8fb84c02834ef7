// Geometry: a validated model + its evaluated scope → closed, manifold parts in millimetres (manifold-3d).
export { createGeometryKernel, DEFAULT_BUDGET, hasSlivers } from './kernel';
export type { BuildInputs, GeometryEnv, GeometryKernel } from './kernel';
export * from './mesh-data';
