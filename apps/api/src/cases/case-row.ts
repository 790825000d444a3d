import { isContactPhone, normalizePhone } from '@haochaping/privacy';
import type { ApiFieldError } from '../common/api-error';
import { parseIsoInstant } from '../common/iso-instant';

// One row of a case delivery, checked the same way whether it came as JSON from a business system or as a line
// of an imported CSV file: the CSV import turns its lines into this shape first (case-csv.ts).

export const APPLICANT_KINDS = ['PERSON', 'ORGANIZATION'] as const;
export type ApplicantKindCode = (typeof APPLICANT_KINDS)[number];
export const CASE_CHANNELS = ['WINDOW', 'ONLINE'] as const;
export type CaseChannelCode = (typeof CASE_CHANNELS)[number];

export const APPLICANT_KIND_LABELS: Record<ApplicantKindCode, string> = { PERSON: '自然人', ORGANIZATION: '法人' };
export const CASE_CHANNEL_LABELS: Record<CaseChannelCode, string> = { WINDOW: '线下窗口', ONLINE: '网上办事' };

/** The fields of a row, as the contract names them (CaseInput in docs/INTAKE-API.md). */
const ROW_FIELDS = ['caseNumber', 'serviceItemCode', 'hallCode', 'windowCode', 'staffEmployeeNumber', 'applicant', 'receivedAt', 'completedAt', 'channel'];
const APPLICANT_FIELDS = ['kind', 'name', 'phone'];

export const MAX_CASE_NUMBER_LENGTH = 64;
export const MAX_APPLICANT_NAME_LENGTH = 100;
/** A business system's clock may run a little ahead of ours; more than this and the time is wrong. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** The county's master data a batch refers to, looked up in bulk before any row is checked. */
export interface CaseMasterData {
  readonly halls: ReadonlyMap<string, { readonly id: string; readonly name: string; readonly windows: ReadonlyMap<string, string> }>;
  readonly serviceItems: ReadonlyMap<string, string>;
  readonly staff: ReadonlyMap<string, { readonly id: string; readonly hallId: string; readonly hallName: string }>;
}

/** A row that passed every check, with master data resolved to ids; personal data still in clear. */
export interface ValidCaseRow {
  readonly caseNumber: string;
  readonly serviceItemId: string;
  readonly hallId: string;
  readonly windowId: string | null;
  readonly staffId: string | null;
  readonly applicantKind: ApplicantKindCode;
  readonly applicantName: string;
  /** Normalised digits (normalizePhone), or null. */
  readonly applicantPhone: string | null;
  readonly receivedAt: Date;
  readonly completedAt: Date | null;
  readonly channel: CaseChannelCode;
}

export type CaseRowCheck = { readonly ok: true; readonly row: ValidCaseRow } | { readonly ok: false; readonly errors: ApiFieldError[] };

export interface CaseRowOptions {
  readonly now: Date;
  /** How a time should be written, for the message: the JSON API wants ISO 8601, the CSV also takes local time. */
  readonly instantExample: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The codes the master data is looked up by, collected from raw rows before they are checked. */
export function referencedCodes(rows: readonly unknown[]): { serviceItemCodes: string[]; staffEmployeeNumbers: string[] } {
  const serviceItemCodes = new Set<string>();
  const staffEmployeeNumbers = new Set<string>();
  for (const row of rows) {
    if (!isRecord(row)) continue;
    if (typeof row.serviceItemCode === 'string') serviceItemCodes.add(row.serviceItemCode.trim());
    if (typeof row.staffEmployeeNumber === 'string') staffEmployeeNumbers.add(row.staffEmployeeNumber.trim());
  }
  return { serviceItemCodes: [...serviceItemCodes], staffEmployeeNumbers: [...staffEmployeeNumbers] };
}

/** The case number of a raw row when it has a usable one (for the report, and duplicate detection). */
export function rawCaseNumber(row: unknown): string | null {
  if (!isRecord(row) || typeof row.caseNumber !== 'string') return null;
  const trimmed = row.caseNumber.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Checks one row and resolves its codes. Every problem is reported at once (not only the first), each with
 * the field it concerns and a Chinese reason a clerk can act on.
 */
export function checkCaseRow(raw: unknown, master: CaseMasterData, options: CaseRowOptions): CaseRowCheck {
  if (!isRecord(raw)) return { ok: false, errors: [{ field: '', message: '每条办件必须是 JSON 对象' }] };
  const errors: ApiFieldError[] = [];
  const fail = (field: string, message: string) => {
    errors.push({ field, message });
    return undefined;
  };

  for (const field of Object.keys(raw)) if (!ROW_FIELDS.includes(field)) fail(field, `不接受字段 ${field}`);

  /** A trimmed string; blank counts as absent. */
  const text = (value: unknown, field: string, label: string, required: boolean, maxLength: number): string | undefined => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return required ? fail(field, `请填写${label}`) : undefined;
    }
    if (typeof value !== 'string') return fail(field, `${label}必须是文字`);
    const trimmed = value.trim();
    if (trimmed.length > maxLength) return fail(field, `${label}不能超过 ${maxLength} 个字符`);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
    if (/[\u0000-\u001f\u007f]/.test(trimmed)) return fail(field, `${label}不能含有换行或控制字符`);
    return trimmed;
  };
  const instant = (value: unknown, field: string, label: string, required: boolean): Date | undefined => {
    const written = text(value, field, label, required, 40);
    if (written === undefined) return undefined;
    const parsed = parseIsoInstant(written);
    if (!parsed) return fail(field, `${label}格式不正确，应为带时区的时间，如 ${options.instantExample}`);
    if (parsed.getTime() > options.now.getTime() + FUTURE_TOLERANCE_MS) return fail(field, `${label}不能晚于当前时间`);
    return parsed;
  };

  const caseNumber = text(raw.caseNumber, 'caseNumber', '办件编号', true, MAX_CASE_NUMBER_LENGTH);

  const hallCode = text(raw.hallCode, 'hallCode', '服务大厅编码', true, 64);
  const hall = hallCode === undefined ? undefined : master.halls.get(hallCode);
  if (hallCode !== undefined && !hall) fail('hallCode', `未知的服务大厅编码 ${hallCode}`);

  const windowCode = text(raw.windowCode, 'windowCode', '窗口编码', false, 64);
  const windowId = windowCode === undefined || !hall ? undefined : hall.windows.get(windowCode);
  if (windowCode !== undefined && hall && !windowId) fail('windowCode', `${hall.name}没有编码为 ${windowCode} 的窗口`);

  const staffNumber = text(raw.staffEmployeeNumber, 'staffEmployeeNumber', '工作人员工号', false, 64);
  const staff = staffNumber === undefined ? undefined : master.staff.get(staffNumber);
  if (staffNumber !== undefined && !staff) fail('staffEmployeeNumber', `未知的工作人员工号 ${staffNumber}`);
  if (staff && hall && staff.hallId !== hall.id) fail('staffEmployeeNumber', `工号 ${staffNumber} 的工作人员属于${staff.hallName}，不属于${hall.name}`);

  const itemCode = text(raw.serviceItemCode, 'serviceItemCode', '事项编码', true, 64);
  const serviceItemId = itemCode === undefined ? undefined : master.serviceItems.get(itemCode);
  if (itemCode !== undefined && !serviceItemId) fail('serviceItemCode', `未知的事项编码 ${itemCode}`);

  let applicantKind: ApplicantKindCode | undefined;
  let applicantName: string | undefined;
  let applicantPhone: string | null = null;
  if (raw.applicant === undefined || raw.applicant === null) fail('applicant', '请填写申请人信息');
  else if (!isRecord(raw.applicant)) fail('applicant', '申请人信息必须是对象 { kind, name, phone? }');
  else {
    const applicant = raw.applicant;
    for (const field of Object.keys(applicant)) if (!APPLICANT_FIELDS.includes(field)) fail(`applicant.${field}`, `不接受字段 applicant.${field}`);
    const kind = typeof applicant.kind === 'string' ? applicant.kind.trim() : applicant.kind;
    if (APPLICANT_KINDS.includes(kind as ApplicantKindCode)) applicantKind = kind as ApplicantKindCode;
    else fail('applicant.kind', kind === undefined || kind === '' ? '请填写申请人类型' : '申请人类型只能是 PERSON（自然人）或 ORGANIZATION（法人）');
    applicantName = text(applicant.name, 'applicant.name', '申请人名称', true, MAX_APPLICANT_NAME_LENGTH);
    const phone = text(applicant.phone, 'applicant.phone', '联系电话', false, 30);
    if (phone !== undefined) {
      if (isContactPhone(phone)) applicantPhone = normalizePhone(phone);
      else fail('applicant.phone', `联系电话 ${phone} 格式不正确，应为手机号或带区号的固定电话`);
    }
  }

  const receivedAt = instant(raw.receivedAt, 'receivedAt', '受理时间', true);
  const completedAt = instant(raw.completedAt, 'completedAt', '办结时间', false);
  if (receivedAt && completedAt && completedAt.getTime() < receivedAt.getTime()) fail('completedAt', '办结时间不能早于受理时间');

  const channel = typeof raw.channel === 'string' ? raw.channel.trim() : raw.channel;
  if (!CASE_CHANNELS.includes(channel as CaseChannelCode)) {
    fail('channel', channel === undefined || channel === '' ? '请填写办理渠道' : '办理渠道只能是 WINDOW（线下窗口）或 ONLINE（网上办事）');
  }

  if (errors.length > 0 || !caseNumber || !hall || !serviceItemId || !applicantKind || !applicantName || !receivedAt) return { ok: false, errors };
  return {
    ok: true,
    row: {
      caseNumber,
      serviceItemId,
      hallId: hall.id,
      windowId: windowId ?? null,
      staffId: staff?.id ?? null,
      applicantKind,
      applicantName,
      applicantPhone,
      receivedAt,
      completedAt: completedAt ?? null,
      channel: channel as CaseChannelCode,
    },
  };
}
