// The intake's record of which job owns which output file (a Redis hash: file path → job id), which binds an order
// id to its contents so a changed order cannot replace a file (409). Records would grow by one per order forever;
// a record is dropped once both its job has expired from the queue (a week after it finished) and its file is no
// longer in the output folder (archived or deleted), so nothing it protects is left. Node only; ioredis.
import type { Redis } from 'ioredis';

export const FILES_KEY = 'atelier:intake:files';

/** Removes the records whose job and file are both gone; returns how many. Walks the hash in steps (HSCAN). */
export async function pruneFileRecords(client: Redis, jobExists: (id: string) => Promise<boolean>, fileExists: (file: string) => boolean): Promise<number> {
  let cursor = '0';
  let removed = 0;
  do {
    const [next, flat] = await client.hscan(FILES_KEY, cursor, 'COUNT', 500);
    cursor = next;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const [file, id] = [flat[i]!, flat[i + 1]!];
      if (fileExists(file) || (await jobExists(id))) continue;
      // only if the record still names that job (a new order may have taken the name meanwhile)
      const gone = (await client.eval("if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) else return 0 end", 1, FILES_KEY, file, id)) as number;
      removed += gone;
    }
  } while (cursor !== '0');
  return removed;
}
