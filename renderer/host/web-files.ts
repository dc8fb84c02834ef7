// Browser file access for the web host: pick files (File System Access API or <input type=file>) and save them
// (showSaveFilePicker where available, a download otherwise). DOM only; no core logic here.

interface PickerWindow {
  showOpenFilePicker?: (o: unknown) => Promise<{ getFile(): Promise<File> }[]>;
  showSaveFilePicker?: (o: unknown) => Promise<{ name: string; createWritable(): Promise<{ write(d: BufferSource): Promise<void>; close(): Promise<void> }> }>;
}

export interface FileHandleLike { getFile(): Promise<File> }

/** Picks a file and returns a handle that can be re-read (File System Access API), or a snapshot handle. */
export async function pickFileHandle(accept: string): Promise<FileHandleLike | null> {
  const w = window as unknown as PickerWindow;
  if (typeof w.showOpenFilePicker === 'function') {
    try {
      const [h] = await w.showOpenFilePicker({ multiple: false, types: [{ description: 'Atelier model', accept: { 'application/json': accept.split(',') } }] });
      return h ?? null;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return null;
    }
  }
  const f = await pickFile(accept);
  return f ? { getFile: () => Promise.resolve(f) } : null;
}

/** Lets the user pick one file; resolves null if cancelled. `accept` is a comma-separated list of suffixes. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.setAttribute('data-atelier-picker', accept);
    let done = false;
    const finish = (f: File | null) => {
      if (done) return;
      done = true;
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => finish(null));
    document.body.appendChild(input);
    input.click();
  });
}

const MIME: Record<string, string> = {
  design: 'application/json', stl: 'model/stl', '3mf': 'model/3mf', glb: 'model/gltf-binary', usdz: 'model/vnd.usdz+zip', png: 'image/png',
};

/** Saves bytes under a suggested name; returns the name written or null if the user cancelled. */
export async function saveBytes(name: string, bytes: Uint8Array, kind: string, usePicker: boolean): Promise<string | null> {
  const w = window as unknown as PickerWindow;
  if (usePicker && typeof w.showSaveFilePicker === 'function') {
    try {
      const handle = await w.showSaveFilePicker({ suggestedName: name });
      const out = await handle.createWritable();
      await out.write(bytes as unknown as BufferSource);
      await out.close();
      return handle.name;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return null;
      // fall through to a download (e.g. the picker is blocked in this context)
    }
  }
  const blob = new Blob([bytes as unknown as BlobPart], { type: MIME[kind] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
