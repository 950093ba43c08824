import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { importActorRows } from '../../server/src/actors/import-actors';
import { readSheet } from '../../server/src/actors/read-sheet';
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
      'Agentschap;integration-agency;civic-integration;flanders;;;https://www.integratie-inburgering.be/;call me;x@',
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
      ws.addRow(['id', 'nom', 'type', 'domaines', 'région', 'site web']);
      for (const r of rows) ws.addRow([...r]);
    }
    const file = path.join(dir, 'actors.xlsx');
    await workbook.xlsx.writeFile(file);
    const { actors, problems } = importActorRows(await readSheet(file), known);
    expect(actors.map((a) => a.id)).toEqual(['cpas-liege']);
    expect(problems).toEqual([{ where: 'actors.xlsx sheet "Limburg" row 2', reason: expect.stringContaining('already exists') }]);
  });

  it('refuses other file types with a clear message', async () => {
    await expect(readSheet(path.join(dir, 'actors.pdf'))).rejects.toThrow('Use a .csv or .xlsx file');
  });
});
