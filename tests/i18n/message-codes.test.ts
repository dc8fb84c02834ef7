// Every message code core gives a customer-facing message (core/errors.ts Coded) has a sentence in every language
// the app offers (renderer/ui/i18n), with the same placeholders, and the printability check really sends them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/ui/i18n/en';
import { ptBR } from '../../renderer/ui/i18n/pt-BR';
import { TEXT_LOCALES } from '../../core/model';

const CORE = path.resolve(import.meta.dirname, '../../core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const f = path.join(dir, d.name);
    if (d.isDirectory()) return sources(f);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [f] : [];
  });
}

/** Every `code: …` in core's sources (the dotted string literals of its expression; a ternary gives several). */
function codesInCore(): { codes: Set<string>; dynamic: string[] } {
  const codes = new Set<string>();
  const dynamic: string[] = [];
  for (const f of sources(CORE)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\bcode:\s*([^,}\n]+)/g)) {
      const expr = m[1]!;
      if (expr.includes('`')) dynamic.push(`${path.relative(CORE, f)}: ${expr.trim()}`);
      for (const s of expr.matchAll(/'([a-z]+\.[A-Za-z0-9.]+)'/g)) codes.add(s[1]!);
    }
    // codes passed to helpers (issue('value.…'), add(path, message, 'model.…')) are literals of the known families
    for (const m of text.matchAll(/'((?:check|value|rule|model)\.[A-Za-z0-9.]+)'/g)) codes.add(m[1]!);
  }
  return { codes, dynamic };
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CATALOGS: Record<string, Record<string, string>> = { en, 'pt-BR': ptBR };

describe('message codes', () => {
  const { codes, dynamic } = codesInCore();

  it('finds the codes core uses (printability, values, rules, model files), written as literals this test can read', () => {
    expect(dynamic).toEqual([]);
    for (const c of ['check.tooBig.z90', 'check.featureThin', 'rule.broken', 'value.outOfRange', 'model.unknownLanguage', 'model.pattern.id']) expect(codes).toContain(c);
    // JSON syntax (core/model/json-syntax.ts, json-source.ts) and semantic checks (core/model/semantic.ts) too
    for (const c of ['json.commaExpected', 'json.trailingComma', 'json.endOfFile', 'json.badEscape', 'json.nestedTooDeep', 'json.empty', 'model.minOverMax', 'model.notParam', 'model.meshPath', 'model.cylinderRadius'])
      expect(codes).toContain(c);
  });

  it('every code has a sentence in every language the app offers, with the same placeholders', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...TEXT_LOCALES].sort());
    const missing: string[] = [];
    for (const c of codes)
      for (const [l, cat] of Object.entries(CATALOGS)) {
        if (typeof cat[c] !== 'string' || cat[c].trim() === '') missing.push(`${c} in ${l}`);
        else if (l !== 'en') expect(placeholders(cat[c]), `${c} in ${l}`).toEqual(placeholders(en[c as keyof typeof en]));
      }
    expect(missing).toEqual([]);
  });
});
