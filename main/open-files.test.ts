// Files the OS hands to Atelier: argv parsing, accepted kinds, and the queue that holds them until the window is ready.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, hasKioskFlag, isOpenableFile, OpenQueue } from './open-files';

describe('open files', () => {
  it('takes designs and 3MF files from argv, resolved against the working folder', () => {
    const argv = ['/opt/Atelier/atelier', '--kiosk', '--enable-features=X', 'mug.atelier.json', '/data/plate.3MF', 'notes.txt', 'x.json', 'https://a/b.3mf', 'mug.atelier.json'];
    expect(filesFromArgv(argv, '/home/ada')).toEqual([path.resolve('/home/ada/mug.atelier.json'), path.resolve('/data/plate.3MF')]);
    expect(hasKioskFlag(argv)).toBe(true);
    expect(hasKioskFlag(['/opt/Atelier/atelier'])).toBe(false);
    expect(isOpenableFile('.3mf')).toBe(false);
    expect(isOpenableFile('a.atelier.json')).toBe(true);
  });

  it('queues files until the window is ready, then delivers in order', () => {
    const q = new OpenQueue();
    const got: string[] = [];
    q.push('/a.3mf');
    q.push('/b.atelier.json');
    expect(got).toEqual([]);
    q.ready((f) => got.push(f));
    q.push('/c.3mf');
    expect(got).toEqual(['/a.3mf', '/b.atelier.json', '/c.3mf']);
    q.pause();
    q.push('/d.3mf');
    expect(got).toHaveLength(3);
    q.ready((f) => got.push(f));
    expect(got.at(-1)).toBe('/d.3mf');
  });
});
