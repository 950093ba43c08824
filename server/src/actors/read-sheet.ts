import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { canonicalHeader, type SheetRow } from './import-actors';

export interface Sheet {
  rows: SheetRow[];
  /** Column headings we do not know, so the clerk learns that a column was not read (issue 12). */
  unknownColumns: string[];
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

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel on Windows saves as "CSV"). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function unknownOf(headers: string[]): string[] {
  return headers.map((h) => String(h ?? '').trim()).filter((h) => h && !canonicalHeader(h));
}

function readCsv(name: string, bytes: Uint8Array): Sheet {
  const text = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  // `info` gives each record's first line, so a cell with a line break inside quotes does not shift the
  // line numbers of the rows after it.
  const records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  if (!records.length) return { rows: [], unknownColumns: [] };
  const headers = records[0].record;
  const keys = headers.map((h) => canonicalHeader(h));
  let line = records[0].info.lines + 1;
  const rows: SheetRow[] = [];
  for (const { record, info } of records.slice(1)) {
    rows.push({ where: `${name} line ${line}`, values: Object.fromEntries(keys.flatMap((k, j) => (k ? [[k, record[j] ?? '']] : []))) });
    line = info.lines + 1;
  }
  return { rows, unknownColumns: unknownOf(headers) };
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: SheetRow[] = [];
  const unknown = new Set<string>();
  workbook.eachSheet((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value)));
    for (const h of unknownOf(headers)) unknown.add(h);
    const keys = headers.map((h) => canonicalHeader(String(h ?? '')));
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      const values: Record<string, string> = {};
      keys.forEach((k, j) => {
        if (k) values[k] = cellText(row.getCell(j + 1).value).trim();
      });
      rows.push({ where: `${name} sheet "${sheet.name}" row ${number}`, values });
    });
  });
  return { rows, unknownColumns: [...unknown] };
}

/** Reads a CSV (comma or semicolon, UTF-8 or Windows-1252) or every sheet of an XLSX workbook. */
export async function readSheetBytes(name: string, bytes: Uint8Array): Promise<Sheet> {
  if (/\.csv$/i.test(name)) return readCsv(name, bytes);
  if (/\.xlsx$/i.test(name)) return readXlsx(name, bytes);
  throw new Error(`Unsupported file type: ${name}. Use a .csv or .xlsx file.`);
}

export async function readSheetFile(file: string): Promise<Sheet> {
  const name = path.basename(file);
  if (!/\.(csv|xlsx)$/i.test(name)) throw new Error(`Unsupported file type: ${name}. Use a .csv or .xlsx file.`);
  return readSheetBytes(name, fs.readFileSync(file));
}

/** The rows only (older callers). */
export async function readSheet(file: string): Promise<SheetRow[]> {
  return (await readSheetFile(file)).rows;
}
