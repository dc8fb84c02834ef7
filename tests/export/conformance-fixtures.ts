// Our own 3MF conformance fixtures, made in code from the rules of the 3MF core and materials specifications
// (the MUSTPASS / MUSTFAIL chapters the Consortium's public samples exercise), so the reader's conformance test
// runs where those samples are not (a user's checkout has no ../shared). Each fixture breaks or keeps one rule.
import { strToU8, zipSync } from 'fflate';

const CORE = 'http://schemas.microsoft.com/3dmanufacturing/core/2015/02';
const MAT = 'http://schemas.microsoft.com/3dmanufacturing/material/2015/02';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/></Types>`;
const RELS = (extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>${extra}</Relationships>`;

/** A closed 10 mm cube as <mesh> markup; `tri` adds attributes to every triangle. */
function cube(tri = ''): string {
  const v = [[0, 0, 0], [10, 0, 0], [10, 10, 0], [0, 10, 0], [0, 0, 10], [10, 0, 10], [10, 10, 10], [0, 10, 10]];
  const t = [[0, 2, 1], [0, 3, 2], [4, 5, 6], [4, 6, 7], [0, 1, 5], [0, 5, 4], [1, 2, 6], [1, 6, 5], [2, 3, 7], [2, 7, 6], [3, 0, 4], [3, 4, 7]];
  return `<mesh><vertices>${v.map(([x, y, z]) => `<vertex x="${x}" y="${y}" z="${z}"/>`).join('')}</vertices><triangles>${t
    .map(([a, b, c]) => `<triangle v1="${a}" v2="${b}" v3="${c}"${tri}/>`)
    .join('')}</triangles></mesh>`;
}

interface Opts {
  head?: string;
  modelAttrs?: string;
  metadata?: string;
  resources: string;
  build?: string | null;
  rels?: string;
}

function model(o: Opts): string {
  const build = o.build === undefined ? '<build><item objectid="1"/></build>' : (o.build ?? '');
  return `${o.head ?? '<?xml version="1.0" encoding="UTF-8"?>'}
<model unit="millimeter" xml:lang="en-US" xmlns="${CORE}" xmlns:m="${MAT}"${o.modelAttrs ?? ''}>${o.metadata ?? ''}<resources>${o.resources}</resources>${build}</model>`;
}

function pack(o: Opts, modelBytes?: Uint8Array): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS(o.rels)),
    '3D/3dmodel.model': modelBytes ?? strToU8(model(o)),
  });
}

/** UTF-16 little-endian bytes with a byte-order mark. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const obj = (id: number, body: string, attrs = '') => `<object id="${id}" type="model"${attrs}>${body}</object>`;

/** Files every conforming reader must read. */
export function positiveFixtures(): Record<string, Uint8Array> {
  return {
    'OWN_PASS_IgnorableMarkup.3mf': pack({
      modelAttrs: ' xmlns:x="urn:atelier:test-extension"',
      resources: `<x:note>not for us</x:note>${obj(1, cube(), ' x:hint="1"')}`,
    }),
    'OWN_PASS_UnitsMillimetre.3mf': pack({ resources: obj(1, cube()) }),
    'OWN_PASS_MultipleItemsTransform.3mf': pack({
      resources: obj(1, cube()),
      build: '<build><item objectid="1" transform="1 0 0 0 1 0 0 0 1 0 0 0"/><item objectid="1" transform="1 0 0 0 1 0 0 0 1 20 0 0"/></build>',
    }),
    'OWN_PASS_Components.3mf': pack({
      resources: `${obj(1, cube())}<object id="2" type="model"><components><component objectid="1"/><component objectid="1" transform="1 0 0 0 1 0 0 0 1 0 0 15"/></components></object>`,
      build: '<build><item objectid="2"/></build>',
    }),
    'OWN_PASS_BaseMaterialsColours.3mf': pack({
      resources: `<basematerials id="5"><base name="Red" displaycolor="#FF0000"/><base name="Blue" displaycolor="#0000FFFF"/></basematerials>${obj(1, cube(' p1="1"'), ' pid="5" pindex="0"')}`,
    }),
  };
}

/** Files that break a MUST of the core or materials specification: a reader must refuse each. */
export function negativeFixtures(): Record<string, Uint8Array> {
  const plain = { resources: obj(1, cube()) };
  return {
    'OWN_FAIL_DuplicatedColorGroupId.3mf': pack({
      resources: `<m:colorgroup id="3"><m:color color="#FF0000"/></m:colorgroup><m:colorgroup id="3"><m:color color="#00FF00"/></m:colorgroup>${obj(1, cube())}`,
    }),
    'OWN_FAIL_LinkToExternalPart.3mf': pack({
      ...plain,
      rels: '<Relationship Target="https://example.com/part.model" TargetMode="External" Id="rel9" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>',
    }),
    'OWN_FAIL_DeclaredNonUtfEncoding.3mf': pack({ ...plain, head: '<?xml version="1.0" encoding="ISO-8859-1"?>' }),
    'OWN_FAIL_Utf16Encoding.3mf': pack(plain, utf16le(model({ ...plain, head: '<?xml version="1.0" encoding="UTF-16"?>' }))),
    'OWN_FAIL_DocumentTypeDefinition.3mf': pack({ ...plain, head: '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE model [<!ENTITY e "x">]>' }),
    'OWN_FAIL_DuplicatedMetadataName.3mf': pack({ ...plain, metadata: '<metadata name="Title">A</metadata><metadata name="Title">B</metadata>' }),
    'OWN_FAIL_BuildItemOfTypeOther.3mf': pack({ resources: `<object id="1" type="other">${cube()}</object>` }),
    'OWN_FAIL_MissingBuild.3mf': pack({ ...plain, build: null }),
    'OWN_FAIL_PropertyWithoutPid.3mf': pack({ resources: obj(1, cube(' p1="0"')) }),
    'OWN_FAIL_RequiredExtensionUnsupported.3mf': pack({ ...plain, modelAttrs: ' xmlns:q="urn:atelier:unknown-required" requiredextensions="q"' }),
  };
}
