import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../errors';
import { parsePrinterProfile, parsePrinterProfiles } from './printer-profile';

const DIR = path.resolve(import.meta.dirname, '../../assets/printers');
const bundled = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => ({ file: f, text: readFileSync(path.join(DIR, f), 'utf8') }));
const good = { id: 'test-printer', name: 'Test printer', process: 'fdm', buildVolume: { x: 200, y: 200, z: 200 }, minFeature: 0.4 };
const refusal = (v: unknown, file = 'bad.json'): string => {
  try {
    parsePrinterProfile(typeof v === 'string' ? v : JSON.stringify(v), file);
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('printer profiles', () => {
  it('reads every bundled profile', () => {
    const { printers, problems } = parsePrinterProfiles(bundled);
    expect(problems).toEqual([]);
    expect(printers.map((p) => p.id)).toEqual(bundled.map((b) => (JSON.parse(b.text) as { id: string }).id));
    expect(printers.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a broken profile naming the file and what is allowed', () => {
    expect(refusal('{ "id": ', 'printers/x.json')).toMatch(/^printers\/x\.json: Printer profile x\.json is not valid JSON/);
    expect(refusal([1, 2])).toMatch(/must be a JSON object/);
    expect(refusal({ ...good, process: 'laser' })).toMatch(/process \(fdm\|sla\)/);
    expect(refusal({ ...good, buildVolume: { x: 200, y: -1, z: 200 } })).toMatch(/buildVolume \{x,y,z\} in mm/);
    expect(refusal({ ...good, id: 'Not An Id' })).toMatch(/id \(kebab-case\)/);
    expect(refusal({ ...good, filaments: 0 })).toMatch(/filaments must be a whole number from 1 to 64/);
    expect(refusal({ ...good, filaments: 2.5 })).toMatch(/filaments/);
    expect(refusal({ ...good, printFlow: 900 })).toMatch(/printFlow must be a number of mm³\/s above 0 and at most 200/);
    expect(refusal({ ...good, slicer: 'cura' })).toMatch(/slicer must be one of prusaslicer, bambustudio, orcaslicer/);
    expect(refusal({ ...good, nozzle: '0.4' })).toMatch(/nozzle must be a number of mm/);
    expect(parsePrinterProfile(JSON.stringify({ ...good, filaments: 4, slicer: 'orcaslicer' }), 'ok.json').filaments).toBe(4);
  });

  it('keeps the good profiles when one file is broken, and the first of two with one id', () => {
    const { printers, problems } = parsePrinterProfiles([
      { file: 'a.json', text: JSON.stringify(good) },
      { file: 'b.json', text: JSON.stringify({ ...good, name: 'Second' }) },
      { file: 'c.json', text: '{' },
    ]);
    expect(printers.map((p) => p.name)).toEqual(['Test printer']);
    expect(problems.map((p) => p.file)).toEqual(['b.json', 'c.json']);
    expect(problems[0]!.message).toMatch(/has the id "test-printer" of another profile/);
  });
});
