// A small RFC 4180 CSV reader for order files: quoted fields with "" escapes and line breaks inside quotes,
// CRLF or LF line ends, a UTF-8 BOM, blank lines skipped. Each record keeps the line it starts on, for messages.
// Pure TypeScript; imports core/errors only.
import { UserError } from '../../core/errors';

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

export function parseCsv(text: string, file = 'orders.csv'): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let startLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  let fieldStart = true;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: startLine, fields });
    fields = [];
    field = '';
    fieldStart = true;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const n = s[i];
        if (n !== undefined && n !== ',' && n !== '\n' && n !== '\r')
          throw new UserError([{ file, line, message: `A quoted field is followed by "${n}"; after a closing quote only a comma or a line end may come (write "" for a quote inside a field).` }]);
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      quoteLine = line;
      fieldStart = false;
      i++;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      fieldStart = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      startLine = line;
      continue;
    }
    if (c === '"')
      throw new UserError([{ file, line, message: 'A quote appears inside an unquoted field; quote the whole field and write "" for each quote in it.' }]);
    field += c;
    fieldStart = false;
    i++;
  }
  if (quoted) throw new UserError([{ file, line: quoteLine, message: 'A quoted field is never closed: a closing " is missing.' }]);
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}
