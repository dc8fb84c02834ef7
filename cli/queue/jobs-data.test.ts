import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobDataProblem } from './jobs';

const good = { order: 'A1', row: 2, model: 'keychain', params: {}, materials: {}, format: '3mf', file: path.resolve('/out/A1.3mf'), tempDir: path.resolve('/out/.atelier-tmp') };

describe('queue job data check', () => {
  it('accepts an order job', () => expect(jobDataProblem(good)).toBeNull());
  it.each([
    [null, /not an object/],
    [{ ...good, model: 3 }, /lacks order, model or row/],
    [{ ...good, params: [] }, /params or materials/],
    [{ ...good, format: 'glb' }, /unknown format/],
    [{ ...good, file: 'out/A1.3mf' }, /absolute/],
    [{ ...good, file: '/out/../etc/A1.3mf' }, /absolute/],
    [{ ...good, file: '/out/A1.txt' }, /does not end in \.3mf/],
    [{ ...good, tempDir: '/tmp' }, /temp folder/],
  ])('refuses %j', (d, msg) => expect(jobDataProblem(d)).toMatch(msg));
});
