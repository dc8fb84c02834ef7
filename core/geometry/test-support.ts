// Test helpers shared by geometry tests: a model builder and the shipped fonts/materials (tests only).
import type { MaterialCatalog, Part, Parameter, ProductModel } from '../model/types';

export const TEST_MATERIALS: MaterialCatalog = {
  currency: 'EUR',
  materials: [
    { id: 'pla-white', name: 'PLA White', process: 'fdm', color: '#f2f2ee', density: 1.24, pricePerKg: 24, metallic: 0, roughness: 0.5 },
    { id: 'pla-black', name: 'PLA Black', process: 'fdm', color: '#232325', density: 1.24, pricePerKg: 24, metallic: 0, roughness: 0.5 },
  ],
};

export function testModel(parts: Part[], parameters: Parameter[] = []): ProductModel {
  return { format: 'atelier-model/1', id: 'test', name: 'Test', description: 'test', version: '1.0.0', units: 'mm', parameters, parts };
}
