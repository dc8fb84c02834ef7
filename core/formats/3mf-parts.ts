// Names inside a 3MF package that the writer (core/export/write-3mf.ts) and the reader (core/import/read-3mf.ts) agree on.

/** The embedded design (.atelier.json) that lets Atelier re-open its own 3MF. */
export const DESIGN_PART = 'Metadata/atelier-design.json';
