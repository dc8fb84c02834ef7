// The one validating IPC wrapper: every Host call from the renderer passes through here.
// It checks the sender frame (the app's own origin, main frame only) and the payload (HOST_ARG_VALIDATORS),
// and turns handler failures into `{ error }` replies without stacks. Imports only types from Electron.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { HOST_ARG_VALIDATORS, HOST_CHANNELS, type Host } from '../core/host';
import { isUserError, type MessageParam } from '../core/errors';
import { APP_ORIGIN } from './protocol-resolver';

export type HostCall = keyof typeof HOST_CHANNELS;
/** One handler per channel, with the Host method's own signature. */
export type HostHandlers = { [K in HostCall]: NonNullable<Host[K]> };

/**
 * What the renderer gets back: a value, or an error for a person (English) with, where the host said it in a coded
 * sentence (main/messages.ts), its code and params so the window says it in the customer's language.
 */
export type IpcReply = { value: unknown } | { error: string; code?: string; params?: Record<string, MessageParam> };

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/** True only for the main frame of a page served from atelier://app. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return `${url.protocol}//${url.host}` === APP_ORIGIN;
}

/** A message fit to show a person: user errors as they are, anything else without internals. */
export function cleanMessage(e: unknown): string {
  if (isUserError(e)) return e.message;
  if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string') {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'The file was not found.';
    if (code === 'EACCES' || code === 'EPERM') return 'Atelier is not allowed to access that file.';
    if (code === 'ENOSPC') return 'The disk is full.';
    if (code === 'EISDIR') return 'That is a folder, not a file.';
  }
  // Anything else is a bug or an environment failure: its text means nothing to a person (it is logged).
  return 'Something went wrong in Atelier. The details are in its log.';
}


/**
 * The reply for a failed call: cleanMessage's English, with the code and params of a coded host message. The fixed
 * sentences (a file not found, the disk full, an internal error, a refused sender) go as they are: the window knows
 * them by their words (renderer/host/electron-host.ts).
 */
export function errorReply(e: unknown): { error: string; code?: string; params?: Record<string, MessageParam> } {
  const error = cleanMessage(e);
  if (isUserError(e)) {
    const p = e.problems.length === 1 ? e.problems[0] : undefined;
    return p?.code ? { error, code: p.code, ...(p.params ? { params: p.params } : {}) } : { error };
  }
  return { error };
}

/** Runs one call: sender check, payload check, handler; never throws. */
export async function dispatch(
  handlers: HostHandlers,
  call: HostCall,
  frame: SenderFrameLike | null | undefined,
  args: unknown[],
  log: (msg: string) => void = () => {},
): Promise<IpcReply> {
  if (!isTrustedSender(frame)) {
    log(`refused ${call} from ${frame?.url ?? 'unknown frame'}`);
    return { error: 'This request did not come from the Atelier window.' };
  }
  const problem = HOST_ARG_VALIDATORS[call](args);
  if (problem !== null) return { error: problem };
  try {
    const handler = handlers[call] as (...a: unknown[]) => Promise<unknown>;
    return { value: await handler(...args) };
  } catch (e) {
    log(`${call} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return errorReply(e);
  }
}

/** Registers one `ipcMain.handle` per Host channel; returns a function that removes them all. */
export function registerHostIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: HostHandlers, log?: (msg: string) => void): () => void {
  const calls = Object.keys(HOST_CHANNELS) as HostCall[];
  for (const call of calls) {
    ipcMain.handle(HOST_CHANNELS[call], (event: IpcMainInvokeEvent, ...args: unknown[]) => dispatch(handlers, call, event.senderFrame, args, log));
  }
  return () => {
    for (const call of calls) ipcMain.removeHandler(HOST_CHANNELS[call]);
  };
}
