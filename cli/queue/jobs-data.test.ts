import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobDataProblem } from './jobs';

const good = { order: 'A1', row: 2, model: 'keychain', params: {}, materials: {}, format: '3mf', file: path.resolve('/out/A1.3mf'), tempDir: path.resolve('/out/.atelier-tmp') };

describe('queue job data check', () => {
  it('accepts an order job', () => expect(jobDataProblem(good)).toBeNull());
  it('accepts one for a printer, sliced', () => expect(jobDataProblem({ ...good, fix: true, printer: 'bambu-x1', slice: true })).toBeNull());
  it.each([
    [null, /not an object/],
    [{ ...good, model: 3 }, /lacks order, model or row/],
    [{ ...good, params: [] }, /params or materials/],
    [{ ...good, format: 'glb' }, /unknown format/],
    [{ ...good, file: 'out/A1.3mf' }, /absolute/],
    [{ ...good, file: '/out/../etc/A1.3mf' }, /absolute/],
    [{ ...good, file: '/out/A1.txt' }, /does not end in \.3mf/],
    [{ ...good, tempDir: '/tmp' }, /temp folder/],
    [{ ...good, printer: '../../etc/passwd' }, /printer that is not a profile id/],
    [{ ...good, printer: 7 }, /printer that is not a profile id/],
    [{ ...good, slice: 'yes' }, /slice that is not true or false/],
    [{ ...good, fix: 1 }, /fix that is not true or false/],
  ])('refuses %j', (d, msg) => expect(jobDataProblem(d)).toMatch(msg));
});
