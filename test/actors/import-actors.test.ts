import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { importActorRows } from '../../server/src/actors/import-actors';
import { readSheet, readSheetBytes } from '../../server/src/actors/read-sheet';
import { tempDir } from '../helpers/test-app';

const dir = tempDir('wd-import-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const known = { tenantSlugs: new Set(['genk', 'sint-niklaas', 'liege']), existingIds: new Set(['agii']) };

describe('actors:import', () => {
  it('imports good CSV rows and reports each bad row with its line and reason', async () => {
    const file = path.join(dir, 'actors.csv');
    fs.writeFileSync(file, [
      'Naam;Type;Thema\'s;Regio;Provincie;Gemeente;Website;Telefoon;E-mail',
      'OCMW Genk;welfare-centre;welfare, housing;flanders;limburg;genk;https://www.genk.be/;;',
      'Buurtwerk X;ngo;social-participation;flanders;limburg;atlantis;https://example.org/;;',
      'Taalpunt;language-school;language-courses;flanders;limburg;genk;not-a-url;;',
      ';;;;;;;;',
      'Agentschap;integration-agency;civic-integration;flanders;;genk;https://www.integratie-inburgering.be/;call me;x@',
    ].join('\n'));
    const { actors, problems } = importActorRows(await readSheet(file), { ...known, existingIds: new Set() });
    expect(actors.map((a) => a.id)).toEqual(['ocmw-genk']);
    expect(actors[0]).toMatchObject({ topics: ['welfare', 'housing'], municipalities: ['genk'], phone: null });
    expect(problems.map((p) => p.where)).toEqual(['actors.csv line 3', 'actors.csv line 4', 'actors.csv line 6']);
    expect(problems[0].reason).toContain('unknown atlantis');
    expect(problems[1].reason).toContain('website');
    expect(problems[2].reason).toMatch(/phone.*email|email.*phone/);
  });

  it('reads every sheet of an XLSX workbook and refuses ids that already exist', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [sheet, rows] of [['Limburg', [['agii', 'Agentschap', 'integration-agency', 'civic-integration', 'flanders', 'https://www.integratie-inburgering.be/']]], ['Liège', [['cpas-liege', 'CPAS de Liège', 'welfare-centre', 'welfare', 'wallonia', 'https://www.liege.be/']]]] as const) {
      const ws = workbook.addWorksheet(sheet);
      ws.addRow(['id', 'nom', 'type', 'domaines', 'région', 'site web', 'toute la région']);
      for (const r of rows) ws.addRow([...r, 'oui']);
    }
    const file = path.join(dir, 'actors.xlsx');
    await workbook.xlsx.writeFile(file);
    const { actors, problems } = importActorRows(await readSheet(file), known);
    expect(actors.map((a) => a.id)).toEqual(['cpas-liege']);
    expect(problems).toEqual([{ where: 'actors.xlsx sheet "Limburg" row 2', reason: expect.stringContaining('already exists') }]);
  });

  it('reports unknown columns instead of dropping them silently', async () => {
    const sheet = await readSheetBytes('x.csv', new TextEncoder().encode('naam;gemeente;website;Opmerkingen;Contactpersoon\nOCMW Genk;genk;https://www.genk.be/;intern;Jan\n'));
    expect(sheet.unknownColumns).toEqual(['Opmerkingen', 'Contactpersoon']);
    expect(sheet.rows[0].values).toEqual({ name: 'OCMW Genk', municipalities: 'genk', website: 'https://www.genk.be/' });
  });

  it('reads Windows-1252 files (Excel on Windows) without mangling accents', async () => {
    // "Liège" and "Hôtel de ville" in Windows-1252: è = 0xE8, ô = 0xF4.
    const bytes = Uint8Array.from([...'nom;commune;site web\nH'].map((c) => c.charCodeAt(0)).concat([0xf4], [...'tel de ville de Li'].map((c) => c.charCodeAt(0)), [0xe8], [...'ge;liege;https://www.liege.be/\n'].map((c) => c.charCodeAt(0))));
    const sheet = await readSheetBytes('communes.csv', bytes);
    expect(sheet.rows[0].values.name).toBe('Hôtel de ville de Liège');
  });

  it('accepts Dutch, French and German values and keeps exact line numbers across multi-line cells', async () => {
    const csv = [
      'Naam;Type;Thema\'s;Regio;Provincie;Gemeente;Website;Talen;Adres',
      'Huis van het Kind;vzw;gezondheid, onderwijs;Vlaanderen;Limburg;genk;https://www.genk.be/;Nederlands, Frans;"Straat 1',
      '3600 Genk"',
      'CPAS;CPAS;aide sociale;Wallonie;Luik;liege;not-a-url;français;',
    ].join('\n');
    const { actors, problems } = importActorRows((await readSheetBytes('x.csv', new TextEncoder().encode(csv))).rows, known);
    expect(actors[0]).toMatchObject({ type: 'ngo', topics: ['health', 'education'], region: 'flanders', province: 'limburg', languages: ['nl', 'fr'], address: 'Straat 1\n3600 Genk' });
    expect(problems).toEqual([{ where: 'x.csv line 4', reason: expect.stringContaining('website') }]);
  });

  it('needs a municipality unless the row is marked region-wide, and removes rows marked for removal', async () => {
    const csv = [
      'id;name;type;topics;region;municipality;website;region-wide;verwijderen',
      'a;A;ngo;welfare;flanders;;https://a.be/;;',
      'b;B;ngo;welfare;flanders;;https://b.be/;ja;',
      'old-office;;;;;;;;ja',
    ].join('\n');
    const { actors, problems, removals } = importActorRows((await readSheetBytes('y.csv', new TextEncoder().encode(csv))).rows, known);
    expect(actors.map((a) => a.id)).toEqual(['b']);
    expect(problems).toEqual([{ where: 'y.csv line 2', reason: expect.stringContaining('mark the row region-wide') }]);
    expect(removals).toEqual([{ where: 'y.csv line 4', id: 'old-office' }]);
  });

  it('refuses other file types with a clear message', async () => {
    await expect(readSheet(path.join(dir, 'actors.pdf'))).rejects.toThrow('Use a .csv or .xlsx file');
  });
});
