import ExcelJS from 'exceljs';
import { NeedKind } from '../needs/need.enums.js';
import type { LedgerRow } from './pledge-ledger.js';
import { PledgeStatus } from './pledge.enums.js';

/**
 * The ledger as files for people who work in Excel. The export is a document handed to people, so its
 * headers and labels are Chinese here (the same words as the portal's zh-CN labels).
 */
const COLUMNS: { header: string; key: keyof LedgerRow; width: number }[] = [
  { header: '项目', key: 'project', width: 30 },
  { header: '需求', key: 'need', width: 30 },
  { header: '需求类型', key: 'needKind', width: 12 },
  { header: '认捐单位', key: 'pledger', width: 28 },
  { header: '数量', key: 'quantity', width: 14 },
  { header: '单位', key: 'unit', width: 8 },
  { header: '状态', key: 'status', width: 10 },
  { header: '已交付', key: 'delivered', width: 14 },
  { header: '认捐时间', key: 'pledgedAt', width: 18 },
  { header: '答复时间', key: 'respondedAt', width: 18 },
  { header: '备注', key: 'note', width: 30 },
];

const STATUS_LABELS: Record<PledgeStatus, string> = {
  PROPOSED: '待答复',
  ACCEPTED: '已接受',
  FULFILLED: '已兑现',
  DECLINED: '已谢绝',
  WITHDRAWN: '已撤回',
  CANCELLED: '已取消',
};

const KIND_LABELS: Record<NeedKind, string> = {
  FUNDS: '资金',
  MATERIALS: '物资',
  VENUE: '场地',
  VOLUNTEER_HOURS: '志愿服务时长',
  PROFESSIONAL_SERVICE: '专业服务',
  TECHNOLOGY: '技术支持',
  POLICY_ADVICE: '政策咨询',
  LEGAL_AID: '法律援助',
  OTHER: '其他',
};

function display(row: LedgerRow, key: keyof LedgerRow): string {
  if (key === 'status') {
    return STATUS_LABELS[row.status];
  }
  if (key === 'needKind') {
    return KIND_LABELS[row.needKind];
  }
  return row[key] ?? '';
}

/** Text that a spreadsheet would run as a formula (=, +, -, @) is written as text (CSV injection). */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 byte order mark, so Excel opens the Chinese text correctly; CRLF line ends. */
export function ledgerCsv(rows: LedgerRow[]): Buffer {
  const lines = [COLUMNS.map((column) => column.header).join(',')];
  for (const row of rows) {
    lines.push(COLUMNS.map((column) => csvCell(defuse(display(row, column.key)))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** At most 15 significant digits survive a spreadsheet number (an IEEE double) unchanged. */
function exactAsNumber(decimal: string): boolean {
  return decimal.replace(/^0+|\./g, '').length <= 15;
}

/**
 * XLSX: quantities are written as spreadsheet numbers (so they can be summed in Excel) when the
 * decimal text survives the conversion exactly, as text otherwise; times are text in China time.
 */
export async function ledgerXlsx(rows: LedgerRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('认捐台账');
  sheet.columns = COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const values: Record<string, string | number> = {};
    for (const column of COLUMNS) {
      const text = display(row, column.key);
      const amount = column.key === 'quantity' || column.key === 'delivered';
      values[column.key] = amount && exactAsNumber(text) ? Number(text) : text;
    }
    const added = sheet.addRow(values);
    added.getCell('quantity').numFmt = '#,##0.00';
    added.getCell('delivered').numFmt = '#,##0.00';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
