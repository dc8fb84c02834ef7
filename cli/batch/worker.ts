// A batch worker thread: builds one order at a time and writes its file atomically (temp name + rename), so a
// killed batch leaves only complete files. Loaded through worker-entry.mjs, which registers tsx. Node only.
import { parentPort } from 'node:worker_threads';
import { massAndCost } from '../../core/check';
import { formatProblem, isUserError } from '../../core/errors';
import { summarizeBuild } from '../../core/pipeline';
import { catalogData, loadCatalogModel, type LoadedModel } from '../catalog';
import { encode } from '../encode';
import { applyOrRefuse, changesJson } from '../fix';
import { writeFileAtomicSync } from '../fs-atomic';
import { round } from '../output';
import { buildRequest, getKernel } from '../runtime';
import type { OrderJob, OrderResult, WorkerMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('cli/batch/worker.ts must run in a worker thread');
const data = catalogData();
const models = new Map<string, LoadedModel | Error>();

function modelFor(id: string): LoadedModel {
  let m = models.get(id);
  if (!m) {
    try {
      m = loadCatalogModel(id, data);
    } catch (e) {
      m = e as Error;
    }
    models.set(id, m);
  }
  if (m instanceof Error) throw m;
  return m;
}

async function runJob(job: OrderJob): Promise<OrderResult> {
  try {
    const loaded = modelFor(job.model);
    const subject = { kind: 'model' as const, loaded, source: `order ${job.order}`, sourceFormat: 'catalog' as const };
    // a broken rule fails the order with the fix to type, or (--fix) is changed to the nearest valid design
    const fixed = applyOrRefuse({ subject, sets: job.params, materials: job.materials, quality: 'final', name: `Order ${job.order}` }, data, job.fix === true);
    const built = await buildRequest(fixed.req, data);
    const bytes = await encode(job.format, { model: loaded.model, design: built.design, build: built.build, materials: data.materials });
    writeFileAtomicSync(job.file, bytes, job.tempDir);
    const s = summarizeBuild(built.build);
    const mc = massAndCost(built.build, data.materials);
    return {
      status: 'done',
      triangles: s.triangles,
      bbox: s.bbox,
      volume: s.volume,
      mass: round(mc.massGrams, 2),
      cost: round(mc.cost, 2),
      currency: mc.currency,
      ...(fixed.fixes.length ? { fixed: changesJson(fixed.fixes) } : {}),
    };
  } catch (e) {
    if (isUserError(e)) return { status: 'failed', error: e.problems.map(formatProblem).join('; ') };
    return { status: 'failed', error: `internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

const post = (m: WorkerMessage): void => port.postMessage(m);
await getKernel();
port.on('message', (job: OrderJob) => {
  void runJob(job).then((result) => post({ type: 'result', id: job.id, result }));
});
post({ type: 'ready' });
