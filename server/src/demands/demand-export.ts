import type { Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { escapeLike } from '../common/sql.js';
import { maskAddress, maskName, maskPhone } from '../common/validation/mask.js';
import type { Actor } from '../policy/actor.js';
import { can } from '../policy/policy.js';
import { toGlobalId } from '../common/relay/global-id.js';
import { createDemandLoaders } from './demand.loaders.js';
import { DemandCategory, DemandChannel, DemandContactPreference, DemandRating, DemandStatus } from './demand.enums.js';

/** What to export: the tickets of a region's subtree received in a period (China calendar days), by status. */
export interface DemandExportQuery {
  regionPath: string;
  /** First day (YYYY-MM-DD, Asia/Shanghai), included. */
  from?: string;
  /** Last day (YYYY-MM-DD, Asia/Shanghai), included. */
  to?: string;
  statuses: DemandStatus[];
}

/** One ticket as read for the export; personal fields are raw here and masked (or logged) before writing. */
interface ExportRow {
  id: string;
  created: string;
  category: DemandCategory;
  status: DemandStatus;
  channel: DemandChannel;
  grid_name: string;
  grid_path: string;
  description: string;
  place: string | null;
  contact_name: string;
  contact_phone: string | null;
  contact_address: string | null;
  contact_preference: DemandContactPreference;
  resident_id: string;
  dispatcher_id: string | null;
  assigned_organisation_id: string | null;
  owner_organisation_id: string | null;
  organisation_name: string | null;
  response_due: string;
  responded: string | null;
  responded_on_time: boolean | null;
  resolution_due: string;
  resolved: string | null;
  resolved_on_time: boolean | null;
  resolution_note: string | null;
  rating: DemandRating | null;
  rating_comment: string | null;
  reopened_count: number;
  escalated: string | null;
  rejection_reason: string | null;
  closed: string | null;
  /** The submission instant as PostgreSQL text: exact to the microsecond, unlike a JS Date (the keyset cursor). */
  created_key: string;
}

/**
 * The export is a document handed to people (a hotline's 工单台账), so headers and labels are Chinese
 * here, the same words as the portal's zh-CN labels.
 */
const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '工单编号', key: 'id', width: 30 },
  { header: '提交时间', key: 'created', width: 18 },
  { header: '类别', key: 'category', width: 14 },
  { header: '状态', key: 'status', width: 14 },
  { header: '来源', key: 'channel', width: 10 },
  { header: '网格', key: 'grid', width: 14 },
  { header: '诉求内容', key: 'description', width: 40 },
  { header: '地点', key: 'place', width: 20 },
  { header: '联系人', key: 'contactName', width: 10 },
  { header: '联系电话', key: 'contactPhone', width: 14 },
  { header: '详细地址', key: 'contactAddress', width: 24 },
  { header: '联系方式', key: 'contactPreference', width: 12 },
  { header: '承办单位', key: 'organisation', width: 28 },
  { header: '响应时限', key: 'responseDue', width: 18 },
  { header: '响应时间', key: 'responded', width: 18 },
  { header: '按时响应', key: 'respondedOnTime', width: 10 },
  { header: '办结时限', key: 'resolutionDue', width: 18 },
  { header: '办结时间', key: 'resolved', width: 18 },
  { header: '按时办结', key: 'resolvedOnTime', width: 10 },
  { header: '办理结果', key: 'resolutionNote', width: 30 },
  { header: '评价', key: 'rating', width: 10 },
  { header: '评价意见', key: 'ratingComment', width: 24 },
  { header: '重办次数', key: 'reopened', width: 10 },
  { header: '超时升级时间', key: 'escalated', width: 18 },
  { header: '驳回理由', key: 'rejectionReason', width: 24 },
  { header: '关闭时间', key: 'closed', width: 18 },
];

export const DEMAND_EXPORT_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

const CATEGORY_LABELS: Record<DemandCategory, string> = {
  ELDERLY_CARE: '养老助老',
  CHILDCARE: '托育与儿童关爱',
  EMPLOYMENT: '就业创业',
  ENVIRONMENT_SANITATION: '环境卫生',
  ROADS_FACILITIES: '道路与公共设施',
  SAFETY: '治安与安全隐患',
  NEIGHBOUR_DISPUTE: '邻里纠纷',
  LEGAL_HELP: '法律帮助',
  HEALTH: '医疗健康',
  CULTURE: '文化体育',
  OTHER: '其他',
};

const STATUS_LABELS: Record<DemandStatus, string> = {
  SUBMITTED: '待派单',
  DISPATCHED: '待接单',
  ACCEPTED: '办理中',
  RESOLVED: '待评价',
  RATED: '已评价',
  CLOSED_UNRATED: '已办结（未评价）',
  REJECTED: '已驳回',
  MERGED: '已合并',
  CONVERTED_TO_NEED: '已转项目需求',
};

const CHANNEL_LABELS: Record<DemandChannel, string> = { ONLINE: '线上提交', IN_PERSON: '现场登记', PHONE: '电话登记' };

const CONTACT_LABELS: Record<DemandContactPreference, string> = {
  PHONE_CALL: '电话联系',
  SMS: '短信联系',
  HOME_VISIT: '上门联系',
  ONLINE_ONLY: '仅平台消息',
};

const RATING_LABELS: Record<DemandRating, string> = { SATISFIED: '满意', PARTLY: '基本满意', UNSATISFIED: '不满意' };

/** Rows read and written at a time: bounded memory whatever the size of the export (a district's year). */
const CHUNK = 2000;

const yesNo = (value: boolean | null) => (value === null ? '' : value ? '是' : '否');

const CHINA_TIME = (column: string, alias: string) => `to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as ${alias}`;

/** One chunk of tickets, newest first, after the keyset cursor (the last row of the previous chunk). */
async function readChunk(em: EntityManager, query: DemandExportQuery, after: ExportRow | undefined): Promise<ExportRow[]> {
  const where = ['g.path like ?'];
  const params: unknown[] = [`${escapeLike(query.regionPath)}%`];
  if (query.from) {
    where.push(`t.created_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`);
    params.push(query.from);
  }
  if (query.to) {
    where.push(`t.created_at < (?::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
    params.push(query.to);
  }
  if (query.statuses.length) {
    where.push(`t.status::text in (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (after) {
    where.push('(t.created_at, t.id) < (?::timestamptz, ?)');
    params.push(after.created_key, after.id);
  }
  return em.getConnection().execute<ExportRow[]>(
    `select t.id, t.created_at::text as created_key, ${CHINA_TIME('t.created_at', 'created')},
            t.category, t.status, t.channel, g.name as grid_name, g.path as grid_path, t.description, t.place,
            t.contact_name, t.contact_phone, t.contact_address, t.contact_preference,
            t.resident_id, t.dispatcher_id, t.assigned_organisation_id, t.owner_organisation_id,
            coalesce(oo.name, ao.name) as organisation_name,
            ${CHINA_TIME('t.response_due_at', 'response_due')}, ${CHINA_TIME('t.responded_at', 'responded')},
            case when t.responded_at is null then null else t.responded_at <= t.response_due_at end as responded_on_time,
            ${CHINA_TIME('t.resolution_due_at', 'resolution_due')}, ${CHINA_TIME('t.resolved_at', 'resolved')},
            case when t.resolved_at is null then null else t.resolved_at <= t.resolution_due_at end as resolved_on_time,
            t.resolution_note, t.rating, t.rating_comment, t.reopened_count, ${CHINA_TIME('t.escalated_at', 'escalated')},
            t.rejection_reason, ${CHINA_TIME('t.closed_at', 'closed')}
       from demand_ticket t
       join region g on g.id = t.grid_id
       left join organisation ao on ao.id = t.assigned_organisation_id
       left join organisation oo on oo.id = t.owner_organisation_id
      where ${where.join(' and ')}
      order by t.created_at desc, t.id desc
      limit ${CHUNK}`,
    params,
  );
}

/** The policy's `demand.readPersonalData`, the same rule as the API's masked fields. */
function seesPersonalData(actor: Actor, row: ExportRow): boolean {
  return can(actor, 'demand.readPersonalData', {
    residentUuid: row.resident_id,
    gridPath: row.grid_path,
    dispatcherUuid: row.dispatcher_id,
    assignedOrganisationUuid: row.assigned_organisation_id,
    ownerOrganisationUuid: row.owner_organisation_id,
  });
}

function values(row: ExportRow, unmasked: boolean): Record<string, string | number> {
  const personal = (value: string | null, mask: (text: string) => string) => (!value ? '' : unmasked ? value : mask(value));
  return {
    id: toGlobalId('DemandTicket', row.id),
    created: row.created,
    category: CATEGORY_LABELS[row.category],
    status: STATUS_LABELS[row.status],
    channel: CHANNEL_LABELS[row.channel],
    grid: row.grid_name,
    description: row.description,
    place: row.place ?? '',
    contactName: personal(row.contact_name, maskName),
    contactPhone: personal(row.contact_phone, maskPhone),
    contactAddress: personal(row.contact_address, maskAddress),
    contactPreference: CONTACT_LABELS[row.contact_preference],
    organisation: row.organisation_name ?? '',
    responseDue: row.response_due,
    responded: row.responded ?? '',
    respondedOnTime: yesNo(row.responded_on_time),
    resolutionDue: row.resolution_due,
    resolved: row.resolved ?? '',
    resolvedOnTime: yesNo(row.resolved_on_time),
    resolutionNote: row.resolution_note ?? '',
    rating: row.rating ? RATING_LABELS[row.rating] : '',
    ratingComment: row.rating_comment ?? '',
    reopened: row.reopened_count,
    escalated: row.escalated ?? '',
    rejectionReason: row.rejection_reason ?? '',
    closed: row.closed ?? '',
  };
}

/**
 * Writes the tickets as an XLSX workbook to `out`, chunk by chunk (a streaming writer: memory stays
 * bounded for a district's year of tickets). Personal data is masked row by row unless the policy lets
 * the caller see it; each unmasked row is recorded in the activity log (one INSERT per chunk) before it
 * is written, as the API does, so no personal data leaves without its log entry. Returns the row count.
 */
export async function writeDemandExport(
  em: EntityManager,
  actor: Actor,
  query: DemandExportQuery,
  out: Writable,
  now: Date,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('群众点单工单');
  sheet.columns = COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const views = createDemandLoaders(em).personalDataViews;
  let count = 0;
  let last: ExportRow | undefined;
  for (;;) {
    const rows = await readChunk(em, query, last);
    const unmasked = rows.map((row) => seesPersonalData(actor, row));
    const logged = await views.loadMany(
      rows
        .filter((row, index) => unmasked[index] && row.resident_id !== actor.personUuid)
        .map((row) => {
          const owner = row.owner_organisation_id;
          return {
            ticketUuid: row.id,
            viewerUuid: actor.personUuid,
            onBehalfOfUuid: owner && actor.memberships.has(owner) ? owner : null,
            at: now,
          };
        }),
    );
    // loadMany reports a failed batch per key instead of rejecting: without its log entry, nothing is written.
    const failure = logged.find((result) => result instanceof Error);
    if (failure) {
      throw failure;
    }
    rows.forEach((row, index) => sheet.addRow(values(row, unmasked[index]!)).commit());
    count += rows.length;
    last = rows.at(-1);
    if (rows.length < CHUNK) {
      break;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
