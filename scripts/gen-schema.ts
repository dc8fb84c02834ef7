// `npm run gen:schema`: writes assets/model.schema.json from the schema code that validates model files.
import { writeFileSync } from 'node:fs';
import { modelJsonSchema } from '../core/model/schema';

export function schemaText(): string {
  return JSON.stringify(modelJsonSchema, null, 2) + '\n';
}

if (process.argv[1]?.endsWith('gen-schema.ts')) {
  writeFileSync(new URL('../assets/model.schema.json', import.meta.url), schemaText());
  console.log('wrote assets/model.schema.json');
}
