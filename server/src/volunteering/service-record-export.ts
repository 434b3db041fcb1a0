import ExcelJS from 'exceljs';
import type { ServiceHoursExportRow } from './service-record.js';
import { ServiceHoursKind } from './volunteering.enums.js';

/**
 * A volunteer's service record as files people keep or hand in. The export is a document for people, so
 * its headers and labels are Chinese here (the same words as the portal's zh-CN labels).
 */
const COLUMNS: { header: string; key: keyof ServiceHoursExportRow; width: number }[] = [
  { header: '活动', key: 'activity', width: 30 },
  { header: '组织', key: 'organisation', width: 28 },
  { header: '日期', key: 'day', width: 12 },
  { header: '时长(小时)', key: 'hours', width: 12 },
  { header: '核实人', key: 'verifiedBy', width: 12 },
  { header: '类型', key: 'kind', width: 8 },
  { header: '说明', key: 'reason', width: 30 },
  { header: '记录时间', key: 'recordedAt', width: 18 },
];

const KIND_LABELS: Record<ServiceHoursKind, string> = {
  CREDIT: '核实',
  CORRECTION: '更正',
};

function display(row: ServiceHoursExportRow, key: keyof ServiceHoursExportRow): string {
  return key === 'kind' ? KIND_LABELS[row.kind] : row[key];
}

/** Text that a spreadsheet would run as a formula (=, +, -, @) is written as text (CSV injection). */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV with a UTF-8 byte order mark (Excel then reads the Chinese correctly) and CRLF line ends. Hours are
 * numbers, so a negative correction is written as is: only text columns are defused.
 */
export function serviceHoursCsv(rows: ServiceHoursExportRow[]): Buffer {
  const lines = [COLUMNS.map((column) => column.header).join(',')];
  for (const row of rows) {
    lines.push(COLUMNS.map((column) => csvCell(column.key === 'hours' ? row.hours : defuse(display(row, column.key)))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** XLSX: hours as spreadsheet numbers (numeric(6,2) survives a double exactly), so Excel can sum them. */
export async function serviceHoursXlsx(rows: ServiceHoursExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('志愿服务记录');
  sheet.columns = COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const values: Record<string, string | number> = {};
    for (const column of COLUMNS) {
      values[column.key] = column.key === 'hours' ? Number(row.hours) : display(row, column.key);
    }
    sheet.addRow(values).getCell('hours').numFmt = '0.00';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
