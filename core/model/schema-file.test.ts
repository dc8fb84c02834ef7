import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../scripts/gen-schema';

describe('assets/model.schema.json', () => {
  it('is the schema the validator uses (run npm run gen:schema after changing core/model/schema.ts)', () => {
    expect(readFileSync(new URL('../../assets/model.schema.json', import.meta.url), 'utf8')).toBe(schemaText());
  });
});
