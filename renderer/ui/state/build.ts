// A preview build of the open design in the geometry worker (latest wins: ../lib/geometry-client.ts) and what its
// answer changes in the app state: the shown parts, a build error in words, or, in designer mode, the model file's
// problems. A function of the state over a narrow interface (./app.svelte.ts delegates; no import circle).
import type { Problem } from '../../../core/errors';
import type { Design, ParameterValue } from '../../../core/model/types';
import { GeometryError, type BuildOutcome, type GeometryClient } from '../lib/geometry-client';
import { t } from '../i18n/index.svelte';
import { messageOf } from './messages';

export interface BuildApp {
  readonly client: GeometryClient | null;
  /** Changes with every model shown: an answer for an earlier model is dropped. */
  readonly modelKey: number;
  readonly printerId: string | null;
  readonly design: Design | null;
  readonly designerFile: string | null;
  building: boolean;
  buildError: string | null;
  built: BuildOutcome | null;
  buildSeq: number;
  designerProblems: Problem[];
  problemsFile: string | null;
  view: 'gallery' | 'product' | 'designer-errors';
}

/**
 * `scope`: the values and derived values the UI evaluated for this edit (core/pipeline.ts prepareDesign), sent so
 * the worker builds from them instead of evaluating the design a second time; omitted where evaluation failed.
 */
export function requestBuild(app: BuildApp, values: Record<string, ParameterValue>, scope?: ReadonlyMap<string, ParameterValue>): void {
  const client = app.client;
  if (!client) return;
  const key = app.modelKey;
  app.building = true;
  client
    .build({ values, ...(scope && scope.size > 0 ? { scope: new Map(scope) } : {}), quality: 'preview', printerId: app.printerId ?? undefined, materialOverrides: app.design?.materials })
    .then((out) => {
      if (!out || key !== app.modelKey) return;
      app.buildError = null;
      app.built = out;
      app.buildSeq++;
    })
    .catch((e: unknown) => {
      if (key !== app.modelKey) return;
      // A problem located in the model file (a designer's broken mesh part) is the model's, not the values':
      // in designer mode it is listed with its place in the file, like the file's other problems.
      if (app.designerFile && e instanceof GeometryError && e.problems.some((p) => p.path)) {
        app.designerProblems = e.problems;
        app.problemsFile = app.designerFile;
        app.view = 'designer-errors';
        return;
      }
      app.buildError = e instanceof GeometryError && e.timedOut ? t('preview.stopped') : `${t('preview.failed')} ${messageOf(e)}`;
    })
    .finally(() => {
      if (key === app.modelKey) app.building = false;
    });
}
