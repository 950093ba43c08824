// Checks knowledge/tenants/municipalities.csv: the 565 Belgian municipalities on 1 January 2025.
// Usage: node .helpers/check-municipalities.mjs [path/to/municipalities.csv]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, '..', 'knowledge', 'tenants', 'municipalities.csv');
const HEADER = 'nis,slug,name_nl,name_fr,name_de,name_en,region,province,lat,lon';
const EXPECTED = { flanders: 285, wallonia: 252, 'german-speaking': 9, brussels: 19 };
const PROVINCES = ['antwerp', 'limburg', 'east-flanders', 'west-flanders', 'flemish-brabant',
  'walloon-brabant', 'hainaut', 'liege', 'luxembourg', 'namur'];
const FLEMISH_PROVINCES = ['antwerp', 'limburg', 'east-flanders', 'west-flanders', 'flemish-brabant'];
const DEMO = ['antwerpen', 'gent', 'genk', 'sint-niklaas', 'mechelen', 'oostende', 'leuven', 'brussels',
  'schaerbeek', 'anderlecht', 'liege', 'charleroi', 'namur', 'mons', 'eupen'];
const GERMAN = ['amel', 'bullingen', 'burg-reuland', 'butgenbach', 'eupen', 'kelmis', 'lontzen', 'raeren', 'sankt-vith'];
// Predecessors that no longer exist (2019 and 2025 mergers): [NIS, name].
const GONE = [
  // 2025 (Flanders)
  ['11007', 'Borsbeek'], ['46003', 'Beveren'], ['46013', 'Kruibeke'], ['11056', 'Zwijndrecht'],
  ['73006', 'Bilzen'], ['73032', 'Hoeselt'], ['71022', null], ['73040', 'Kortessem'],
  ['44034', null], ['44073', 'Wachtebeke'], ['46014', null], ['44045', 'Moerbeke'],
  ['44043', 'Merelbeke'], ['44040', 'Melle'], ['44048', 'Nazareth'], ['44012', 'De Pinte'],
  ['23023', 'Galmaarden'], ['23024', 'Gooik'], ['23032', 'Herne'], ['71057', 'Tessenderlo'], ['71069', 'Ham'],
  ['37015', null], ['37007', 'Meulebeke'], ['73083', 'Tongeren'], ['73009', 'Borgloon'],
  ['37018', null], ['37012', 'Ruiselede'],
  // 2025 (Wallonia)
  ['82003', null], ['82005', 'Bertogne'],
  // 2019 (Flanders)
  ['44001', null], ['44029', 'Knesselare'], ['44011', null], ['44049', 'Nevele'],
  ['44036', 'Lovendegem'], ['44072', 'Waarschoot'], ['44080', 'Zomergem'],
  ['45017', 'Kruishoutem'], ['45057', 'Zingem'], ['72040', 'Meeuwen-Gruitrode'], ['71047', 'Opglabbeek'],
  ['72025', 'Neerpelt'], ['72029', 'Overpelt'], ['12030', 'Puurs'], ['12034', 'Sint-Amands'],
  // 2019 Hainaut renumbering (old codes)
  ['55010', null], ['55039', null], ['55023', null], ['52063', null], ['52043', null],
  ['54007', null], ['54010', null], ['55022', null], ['56011', null], ['56085', null], ['56087', null],
];
// Municipalities that must exist: [NIS, main name, region].
const MUST = [
  ['11002', 'Antwerpen', 'flanders'], ['46030', 'Beveren-Kruibeke-Zwijndrecht', 'flanders'],
  ['73110', 'Bilzen-Hoeselt', 'flanders'], ['71072', 'Hasselt', 'flanders'], ['44087', 'Lochristi', 'flanders'],
  ['46029', 'Lokeren', 'flanders'], ['44088', 'Merelbeke-Melle', 'flanders'], ['44086', 'Nazareth-De Pinte', 'flanders'],
  ['23106', 'Pajottegem', 'flanders'], ['71071', 'Tessenderlo-Ham', 'flanders'], ['37022', 'Tielt', 'flanders'],
  ['73111', 'Tongeren-Borgloon', 'flanders'], ['37021', 'Wingene', 'flanders'], ['82039', 'Bastogne', 'wallonia'],
  ['44084', 'Aalter', 'flanders'], ['44083', 'Deinze', 'flanders'], ['44085', 'Lievegem', 'flanders'],
  ['45068', 'Kruisem', 'flanders'], ['72042', 'Oudsbergen', 'flanders'], ['72043', 'Pelt', 'flanders'],
  ['12041', 'Puurs-Sint-Amands', 'flanders'],
];

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const errors = [];
const text = fs.readFileSync(file, 'utf8');
const [head, ...data] = parseCsv(text).filter(r => r.length > 1 || r[0] !== '');
if (head.join(',') !== HEADER) errors.push(`header is "${head.join(',')}", expected "${HEADER}"`);
const cols = HEADER.split(',');
const recs = data.map((r, i) => {
  if (r.length !== cols.length) errors.push(`line ${i + 2}: ${r.length} fields, expected ${cols.length}`);
  return Object.fromEntries(cols.map((c, j) => [c, (r[j] ?? '').trim()]));
});

const counts = {};
const seenSlug = new Map(), seenNis = new Map(), seenName = new Map();
for (const [i, m] of recs.entries()) {
  const at = `line ${i + 2} (${m.nis} ${m.slug})`;
  counts[m.region] = (counts[m.region] ?? 0) + 1;
  if (!/^\d{5}$/.test(m.nis)) errors.push(`${at}: NIS must be 5 digits`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.slug)) errors.push(`${at}: slug not ASCII kebab-case`);
  if (seenSlug.has(m.slug)) errors.push(`${at}: duplicate slug (also ${seenSlug.get(m.slug)})`);
  seenSlug.set(m.slug, at);
  if (seenNis.has(m.nis)) errors.push(`${at}: duplicate NIS (also ${seenNis.get(m.nis)})`);
  seenNis.set(m.nis, at);
  if (!(m.region in EXPECTED)) errors.push(`${at}: unknown region "${m.region}"`);
  if (m.region === 'brussels') {
    if (m.province !== '') errors.push(`${at}: Brussels rows have an empty province`);
    if (!m.name_fr || !m.name_nl) errors.push(`${at}: Brussels rows need name_fr and name_nl`);
    if (!m.nis.startsWith('21')) errors.push(`${at}: Brussels NIS starts with 21`);
  } else if (!PROVINCES.includes(m.province)) errors.push(`${at}: unknown province "${m.province}"`);
  if (m.region === 'flanders') {
    if (!m.name_nl) errors.push(`${at}: Flemish rows need name_nl`);
    if (!FLEMISH_PROVINCES.includes(m.province)) errors.push(`${at}: Flemish row in province ${m.province}`);
  }
  if (m.region === 'wallonia') {
    if (!m.name_fr) errors.push(`${at}: Walloon rows need name_fr`);
    if (FLEMISH_PROVINCES.includes(m.province)) errors.push(`${at}: Walloon row in province ${m.province}`);
  }
  if (m.region === 'german-speaking') {
    if (!m.name_de) errors.push(`${at}: German-speaking rows need name_de`);
    if (m.province !== 'liege') errors.push(`${at}: German-speaking rows lie in province liege`);
    if (!GERMAN.includes(m.slug)) errors.push(`${at}: not one of the 9 German-speaking municipalities`);
  }
  for (const c of ['lat', 'lon']) if (!/^\d+\.\d{2}$/.test(m[c])) errors.push(`${at}: ${c} must have 2 decimals`);
  const lat = Number(m.lat), lon = Number(m.lon);
  if (!(lat >= 49.49 && lat <= 51.51 && lon >= 2.54 && lon <= 6.41)) errors.push(`${at}: lat/lon outside Belgium`);
  for (const n of [m.name_nl, m.name_fr, m.name_de, m.name_en].filter(Boolean)) {
    const key = n.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (seenName.has(key) && seenName.get(key) !== m.nis) errors.push(`${at}: name "${n}" also used by ${seenName.get(key)}`);
    seenName.set(key, m.nis);
  }
}

for (const [region, n] of Object.entries(EXPECTED))
  if ((counts[region] ?? 0) !== n) errors.push(`region ${region}: ${counts[region] ?? 0} rows, expected ${n}`);
if (recs.length !== 565) errors.push(`${recs.length} rows, expected 565`);
for (const s of DEMO) if (!seenSlug.has(s)) errors.push(`demo slug missing: ${s}`);
for (const s of GERMAN) if (recs.find(m => m.slug === s)?.region !== 'german-speaking') errors.push(`${s} must be german-speaking`);

const byNis = new Map(recs.map(m => [m.nis, m]));
const mainName = m => (m.region === 'flanders' ? m.name_nl : m.region === 'german-speaking' ? m.name_de : m.name_fr);
for (const [nis, name] of GONE) {
  if (byNis.has(nis)) errors.push(`merged predecessor still present: NIS ${nis} (${byNis.get(nis).slug})`);
  if (name && recs.some(m => [m.name_nl, m.name_fr, m.name_de].includes(name)))
    errors.push(`merged predecessor still present by name: ${name}`);
}
for (const [nis, name, region] of MUST) {
  const m = byNis.get(nis);
  if (!m) errors.push(`missing: ${nis} ${name}`);
  else if (mainName(m) !== name || m.region !== region) errors.push(`NIS ${nis}: expected ${name} (${region}), got ${mainName(m)} (${m.region})`);
}

const wallonia = (counts.wallonia ?? 0) + (counts['german-speaking'] ?? 0);
console.log(`rows ${recs.length}: flanders ${counts.flanders ?? 0}, wallonia ${counts.wallonia ?? 0} + german-speaking ${counts['german-speaking'] ?? 0} (= Walloon Region ${wallonia}), brussels ${counts.brussels ?? 0}`);
console.log(`unique slugs ${seenSlug.size}, unique NIS ${seenNis.size}`);
if (errors.length) {
  console.log(`FAIL: ${errors.length} problem(s)`);
  for (const e of errors) console.log(`- ${e}`);
  process.exit(1);
}
console.log('OK');
