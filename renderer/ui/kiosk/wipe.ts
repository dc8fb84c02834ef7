// Wipes what a browser keeps of a kiosk customer: localStorage, sessionStorage, every IndexedDB database, Cache
// Storage and (best effort) the clipboard. The Electron host's kioskReset also clears the session on its side.
// DOM APIs only; each step may be missing or refused, and the others still run.

/** Resolves with the promise's value, or undefined after `ms` (a clipboard write may wait on a permission). */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);
}

export async function wipeBrowserData(): Promise<void> {
  try {
    localStorage.clear();
  } catch {
    // storage blocked
  }
  try {
    sessionStorage.clear();
  } catch {
    // storage blocked
  }
  try {
    const dbs = typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    await Promise.all(
      dbs.map((d) =>
        d.name
          ? within(
              new Promise<void>((resolve) => {
                const req = indexedDB.deleteDatabase(d.name!);
                req.onsuccess = req.onerror = req.onblocked = () => resolve();
              }),
              2000,
            )
          : undefined,
      ),
    );
  } catch {
    // IndexedDB unavailable
  }
  try {
    if (typeof caches !== 'undefined') await Promise.all((await caches.keys()).map((k) => caches.delete(k)));
  } catch {
    // Cache Storage unavailable (http: pages outside localhost)
  }
  try {
    if (navigator.clipboard?.writeText) await within(navigator.clipboard.writeText('').catch(() => undefined), 500);
  } catch {
    // no clipboard permission: the host clears it in Electron
  }
}
