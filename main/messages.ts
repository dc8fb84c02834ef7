// Messages the host sends to the window (kiosk staff and customers, desktop users) as coded problems: `code` names
// the sentence in the UI's catalogs (renderer/ui/i18n/host-*.ts, every language the app offers), `params` fill
// it, and the English stays for logs and for a UI without that code. Plain TypeScript.
import { UserError, type MessageParam } from '../core/errors';

export function hostError(code: string, english: string, params?: Record<string, MessageParam>): UserError {
  return new UserError([{ message: english, code: `host.${code}`, ...(params ? { params } : {}) }]);
}
