import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { canonicalHeader, type SheetRow } from './import-actors';

function mapHeaders(headers: string[]): (string | null)[] {
  return headers.map((h) => canonicalHeader(String(h ?? '')));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlinks
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

/** Reads a CSV (comma or semicolon, as Belgian Excel exports) or every sheet of an XLSX workbook. */
export async function readSheet(file: string): Promise<SheetRow[]> {
  const name = path.basename(file);
  if (/\.csv$/i.test(file)) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0];
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    const records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
    const keys = mapHeaders(records[0] ?? []);
    return records.slice(1).map((cells, i) => ({
      where: `${name} line ${i + 2}`,
      values: Object.fromEntries(keys.flatMap((k, j) => (k ? [[k, cells[j] ?? '']] : []))),
    }));
  }
  if (/\.xlsx$/i.test(file)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows: SheetRow[] = [];
    workbook.eachSheet((sheet) => {
      const headerRow = sheet.getRow(1);
      const headers: string[] = [];
      headerRow.eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value)));
      const keys = mapHeaders(headers);
      sheet.eachRow({ includeEmpty: false }, (row, number) => {
        if (number === 1) return;
        const values: Record<string, string> = {};
        keys.forEach((k, j) => {
          if (k) values[k] = cellText(row.getCell(j + 1).value).trim();
        });
        rows.push({ where: `${name} sheet "${sheet.name}" row ${number}`, values });
      });
    });
    return rows;
  }
  throw new Error(`Unsupported file type: ${name}. Use a .csv or .xlsx file.`);
}
