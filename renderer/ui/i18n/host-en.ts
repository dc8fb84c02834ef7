// English sentences for the host's coded messages (main/messages.ts, main/ipc.ts): kiosk staff and customers,
// file dialogs, the phone hand-off. Spread into en.ts; host-pt-br.ts has the same keys (the type checks it).
export const hostEn = {
  'host.kioskFolderFull': 'The kiosk export folder is full of files with this name; ask the staff to empty it.',
  'host.notInKiosk.open': 'Opening files is not available in kiosk mode.',
  'host.notInKiosk.designer': 'Designer mode is not available in kiosk mode.',
  'host.kioskNoPin': 'Staff settings are closed: this kiosk has no staff PIN. Start Atelier outside kiosk mode and set one.',
  'host.notDesign': '{file} is not an Atelier design: open a .atelier.json or .3mf file.',
  'host.notFile': '{file} is not a file.',
  'host.tooBig': '{file} is {size} bytes; at most {max} can be opened.',
  'host.noProduct': 'There is no product "{id}" in the catalog.',
  'host.notRecent': 'That design is not in the recent list.',
  'host.recentGone': '{file} is no longer there; it was removed from the recent list.',
  'host.kioskNoFolder': 'Saving to a folder is switched off on this kiosk: use "View on your phone".',
  'host.saveOverOnly': 'Atelier can only save over a file you opened or saved in this session; use Save As.',
  'host.extension': 'The file name must end in {ext}.',
  'host.pinFormat': 'The PIN must be 4 to 12 digits.',
  'host.pinLocked': 'Too many wrong PINs. Try again in {seconds} s.',
  'host.pinWrong': 'Wrong staff PIN.',
  'host.kioskNeedsPin': 'Set a staff PIN before turning kiosk mode on.',
  'host.handoffCancelled': 'The phone link was closed before it was ready.',
  'host.handoffPublicOnly': 'This computer is only on a public network address, and the phone link is served only on a private (home, shop or office) network. Connect to such a Wi-Fi or Ethernet network and try again.',
  'host.handoffNoLan': 'This computer is not connected to a local network, so a phone cannot reach it. Connect to Wi-Fi or Ethernet and try again.',
  'host.fileNotFound': 'The file was not found.',
  'host.noAccess': 'Atelier is not allowed to access that file.',
  'host.diskFull': 'The disk is full.',
  'host.isFolder': 'That is a folder, not a file.',
  'host.internal': 'Something went wrong in Atelier. The details are in its log.',
  'host.untrusted': 'This request did not come from the Atelier window.',
};

/**
 * The code of one of the host's fixed sentences (no placeholders), which main/ipc.ts sends as words alone (a file
 * not found, a full disk, an internal error, a refused sender), so the window still says them in its language.
 */
export function hostSentenceCode(message: string): string | undefined {
  for (const [code, s] of Object.entries(hostEn)) if (s === message && !s.includes('{')) return code;
  return undefined;
}
