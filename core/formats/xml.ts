// A small, strict XML tokenizer for 3MF parts: elements, attributes, text; no DTD, no entities beyond the five
// predefined ones and character references. Anything else is refused, so hostile files fail fast. Pure TypeScript.

import { UserError } from '../errors';

export type XmlEvent =
  | { t: 'open'; name: string; attrs: Map<string, string>; selfClosing: boolean }
  | { t: 'close'; name: string }
  | { t: 'text'; text: string };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string, where: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;]{0,12});/g, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new UserError(`${where}: bad character reference &${e};`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[e];
    if (v === undefined || !Object.prototype.hasOwnProperty.call(ENTITIES, e)) throw new UserError(`${where}: unknown entity &${e}; (entities are not allowed)`);
    return v;
  });
}

/** Local name without a namespace prefix: `m:vertex` → `vertex`. */
const local = (n: string) => {
  const i = n.indexOf(':');
  return i === -1 ? n : n.slice(i + 1);
};

export function* tokenizeXml(xml: string, where: string): Generator<XmlEvent> {
  let i = 0;
  const n = xml.length;
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  const attrRe = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/y;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      const rest = xml.slice(i);
      if (rest.trim()) yield { t: 'text', text: decodeEntities(rest, where) };
      return;
    }
    if (lt > i) {
      const text = xml.slice(i, lt);
      if (text.trim()) yield { t: 'text', text: decodeEntities(text, where) };
    }
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt);
      if (e === -1) throw new UserError(`${where}: unterminated processing instruction`);
      i = e + 2;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt);
      if (e === -1) throw new UserError(`${where}: unterminated comment`);
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt);
      if (e === -1) throw new UserError(`${where}: unterminated CDATA`);
      yield { t: 'text', text: xml.slice(lt + 9, e) };
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) throw new UserError(`${where}: document type declarations (DTD) and entities are not allowed`);
    if (xml[lt + 1] === '/') {
      const e = xml.indexOf('>', lt);
      if (e === -1) throw new UserError(`${where}: unterminated closing tag`);
      yield { t: 'close', name: local(xml.slice(lt + 2, e).trim()) };
      i = e + 1;
      continue;
    }
    const nameM = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(lt, lt + 256));
    if (!nameM) throw new UserError(`${where}: malformed tag at character ${lt}`);
    let j = lt + nameM[0].length;
    const attrs = new Map<string, string>();
    for (;;) {
      attrRe.lastIndex = j;
      const m = attrRe.exec(xml);
      if (!m) break;
      const key = m[1]!;
      if (attrs.has(key)) throw new UserError(`${where}: attribute ${key} repeated in <${nameM[1]}>`);
      attrs.set(key, decodeEntities(m[3] ?? m[4] ?? '', where));
      j = attrRe.lastIndex;
    }
    while (j < n && /\s/.test(xml[j]!)) j++;
    let selfClosing = false;
    if (xml[j] === '/') {
      selfClosing = true;
      j++;
    }
    if (xml[j] !== '>') throw new UserError(`${where}: malformed tag <${nameM[1]}> at character ${lt}`);
    const name = local(nameM[1]!);
    yield { t: 'open', name, attrs, selfClosing };
    if (selfClosing) yield { t: 'close', name };
    i = j + 1;
  }
}

/** Strict xs:double-style number: no hex, no Infinity/NaN, no empty string, no trailing junk. */
export function strictNumber(s: string | undefined, what: string): number {
  if (s === undefined || !/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(s)) throw new UserError(`${what}: "${(s ?? '').slice(0, 30)}" is not a number`);
  const v = Number(s);
  if (!Number.isFinite(v)) throw new UserError(`${what}: "${s.slice(0, 30)}" is out of range`);
  return v;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
