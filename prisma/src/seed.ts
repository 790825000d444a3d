import { randomUUID } from 'node:crypto';
import type { HallKind, Prisma, PrismaClient, ServiceNature } from '@prisma/client';
import { DEFAULT_SLA_POLICY, isBadReview, type RectificationCategory } from '@haochaping/contracts';
import { CHINA_OFFICIAL_YEAR_CALENDARS, SHANGHAI_OFFSET_MS } from '@haochaping/working-time';
import { newTrackingCode, type DataProtector } from '@haochaping/privacy/server';
import { enqueueRectificationStart } from './outbox';
import { toCalendarYearData } from './working-calendar';

/** The county's 13 town/street service halls (DOMAIN.md). Codes are stable identifiers used in URLs and QR codes. */
export const HALLS: ReadonlyArray<{ code: string; name: string; kind: HallKind }> = [
  { code: 'jiaxiang', name: '嘉祥街道', kind: 'STREET' },
  { code: 'wolongshan', name: '卧龙山街道', kind: 'STREET' },
  { code: 'wanzhang', name: '万张街道', kind: 'STREET' },
  { code: 'jintun', name: '金屯镇', kind: 'TOWN' },
  { code: 'mandong', name: '满硐镇', kind: 'TOWN' },
  { code: 'zhifang', name: '纸坊镇', kind: 'TOWN' },
  { code: 'zhongshan', name: '仲山镇', kind: 'TOWN' },
  { code: 'menggujie', name: '孟姑集镇', kind: 'TOWN' },
  { code: 'laosengtang', name: '老僧堂镇', kind: 'TOWN' },
  { code: 'huanggai', name: '黄垓镇', kind: 'TOWN' },
  { code: 'liangbaosi', name: '梁宝寺镇', kind: 'TOWN' },
  { code: 'dazhanglou', name: '大张楼镇', kind: 'TOWN' },
  { code: 'macun', name: '马村镇', kind: 'TOWN' },
];

/** County departments that own service items (DEPT_GUIDE). */
export const DEPARTMENTS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'renshe', name: '人社局' },
  { code: 'yibao', name: '医保局' },
  { code: 'minzheng', name: '民政局' },
  { code: 'tuiyijunren', name: '退役军人服务中心' },
  { code: 'canlian', name: '残联' },
  { code: 'nongye', name: '农业农村局' },
  { code: 'shenpi', name: '行政审批服务局' },
  { code: 'gongan', name: '公安局' },
  { code: 'shichang', name: '市场监管局' },
  { code: 'zhujian', name: '住建局' },
  { code: 'weijian', name: '卫健局' },
];

/**
 * Windows a hall may have, in the order halls open them: every hall has the first three, bigger ones more
 * (3–6 per hall). Codes are unique inside a hall and appear on the window's QR poster.
 */
export const WINDOW_TEMPLATES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'W01', name: '综合受理窗口' },
  { code: 'W02', name: '社保医保窗口' },
  { code: 'W03', name: '民政救助窗口' },
  { code: 'W04', name: '退役军人服务窗口' },
  { code: 'W05', name: '残疾人服务窗口' },
  { code: 'W06', name: '农业农村服务窗口' },
];

/** How many of WINDOW_TEMPLATES a hall has: 3 to 6, the three 街道 at the top. */
export function windowCountOf(hallIndex: number, kind: HallKind): number {
  return kind === 'STREET' ? 6 : 3 + (hallIndex % 4);
}

/** 依申请 service items handled at the halls, by owning department and nature (线下窗口 / 网上办事). */
export const SERVICE_ITEMS: ReadonlyArray<{ code: string; name: string; departmentCode: string; nature: ServiceNature }> = [
  { code: 'RS-001', name: '城乡居民基本养老保险参保登记', departmentCode: 'renshe', nature: 'OFFLINE' },
  { code: 'RS-002', name: '城乡居民基本养老保险待遇申领', departmentCode: 'renshe', nature: 'OFFLINE' },
  { code: 'RS-003', name: '城乡居民基本养老保险关系转移接续', departmentCode: 'renshe', nature: 'ONLINE' },
  { code: 'RS-004', name: '社会保障卡申领', departmentCode: 'renshe', nature: 'OFFLINE' },
  { code: 'RS-005', name: '失业保险金申领', departmentCode: 'renshe', nature: 'ONLINE' },
  { code: 'RS-006', name: '就业创业证申领', departmentCode: 'renshe', nature: 'ONLINE' },
  { code: 'YB-001', name: '城乡居民基本医疗保险参保登记', departmentCode: 'yibao', nature: 'OFFLINE' },
  { code: 'YB-002', name: '医疗救助申请', departmentCode: 'yibao', nature: 'OFFLINE' },
  { code: 'YB-003', name: '异地就医备案', departmentCode: 'yibao', nature: 'ONLINE' },
  { code: 'YB-004', name: '门诊慢特病待遇认定', departmentCode: 'yibao', nature: 'OFFLINE' },
  { code: 'YB-005', name: '医疗费用手工（零星）报销', departmentCode: 'yibao', nature: 'OFFLINE' },
  { code: 'MZ-001', name: '最低生活保障申请', departmentCode: 'minzheng', nature: 'OFFLINE' },
  { code: 'MZ-002', name: '特困人员救助供养申请', departmentCode: 'minzheng', nature: 'OFFLINE' },
  { code: 'MZ-003', name: '临时救助申请', departmentCode: 'minzheng', nature: 'OFFLINE' },
  { code: 'MZ-004', name: '困难残疾人生活补贴和重度残疾人护理补贴申请', departmentCode: 'minzheng', nature: 'OFFLINE' },
  { code: 'MZ-005', name: '高龄津贴申请', departmentCode: 'minzheng', nature: 'ONLINE' },
  { code: 'TY-001', name: '退役军人优待证申领', departmentCode: 'tuiyijunren', nature: 'OFFLINE' },
  { code: 'TY-002', name: '优抚对象定期抚恤补助申请', departmentCode: 'tuiyijunren', nature: 'OFFLINE' },
  { code: 'TY-003', name: '退役军人信息采集', departmentCode: 'tuiyijunren', nature: 'ONLINE' },
  { code: 'CL-001', name: '残疾人证办理', departmentCode: 'canlian', nature: 'OFFLINE' },
  { code: 'CL-002', name: '残疾人证迁移', departmentCode: 'canlian', nature: 'OFFLINE' },
  { code: 'CL-003', name: '残疾人辅助器具适配申请', departmentCode: 'canlian', nature: 'OFFLINE' },
  { code: 'NY-001', name: '农村宅基地申请', departmentCode: 'nongye', nature: 'OFFLINE' },
  { code: 'NY-002', name: '农村土地承包经营权流转备案', departmentCode: 'nongye', nature: 'OFFLINE' },
  { code: 'NY-003', name: '耕地地力保护补贴申报', departmentCode: 'nongye', nature: 'ONLINE' },
  { code: 'SP-001', name: '乡村建设规划许可证核发', departmentCode: 'shenpi', nature: 'OFFLINE' },
  { code: 'SP-002', name: '小餐饮经营许可', departmentCode: 'shenpi', nature: 'ONLINE' },
  { code: 'SP-003', name: '公共场所卫生许可', departmentCode: 'shenpi', nature: 'ONLINE' },
  { code: 'GA-001', name: '居民身份证换领', departmentCode: 'gongan', nature: 'OFFLINE' },
  { code: 'GA-002', name: '户口迁移（县内）', departmentCode: 'gongan', nature: 'OFFLINE' },
  { code: 'GA-003', name: '居住证申领', departmentCode: 'gongan', nature: 'ONLINE' },
  { code: 'SC-001', name: '个体工商户设立登记', departmentCode: 'shichang', nature: 'ONLINE' },
  { code: 'SC-002', name: '个体工商户变更登记', departmentCode: 'shichang', nature: 'ONLINE' },
  { code: 'SC-003', name: '个体工商户注销登记', departmentCode: 'shichang', nature: 'ONLINE' },
  { code: 'ZJ-001', name: '农村危房改造申请', departmentCode: 'zhujian', nature: 'OFFLINE' },
  { code: 'ZJ-002', name: '公共租赁住房申请', departmentCode: 'zhujian', nature: 'OFFLINE' },
  { code: 'WJ-001', name: '计划生育家庭特别扶助金申请', departmentCode: 'weijian', nature: 'OFFLINE' },
  { code: 'WJ-002', name: '生育登记', departmentCode: 'weijian', nature: 'ONLINE' },
];

/**
 * Version 1 of the second-level rating options per service nature. 线下窗口 is DOMAIN.md's table; 网上办事 is
 * ours, written the same way. Each option suggests a rectification category (the handler decides).
 */
export const OPTION_SETS: Record<ServiceNature, ReadonlyArray<{ code: string; label: string; suggestedCategory: RectificationCategory }>> = {
  OFFLINE: [
    { code: 'A1', label: '服务态度不好', suggestedCategory: 'IMMEDIATE' },
    { code: 'A2', label: '服务环境不舒适', suggestedCategory: 'IMMEDIATE' },
    { code: 'A3', label: '服务设施保障不到位', suggestedCategory: 'IMMEDIATE' },
    { code: 'B1', label: '办理程序不正确', suggestedCategory: 'TIME_LIMITED' },
    { code: 'B2', label: '办事环节设置不合理', suggestedCategory: 'TIME_LIMITED' },
    { code: 'B3', label: '办理效率低、等候时间长', suggestedCategory: 'TIME_LIMITED' },
    { code: 'B4', label: '未一次性告知、多次跑腿', suggestedCategory: 'TIME_LIMITED' },
    { code: 'B5', label: '业务不熟练、解答不准确', suggestedCategory: 'TIME_LIMITED' },
    { code: 'C1', label: '疑难复杂问题未能解决', suggestedCategory: 'COORDINATED' },
    { code: 'C2', label: '多部门业务交叉、流转不顺畅', suggestedCategory: 'COORDINATED' },
  ],
  ONLINE: [
    { code: 'D1', label: '办事指南不准确、不清晰', suggestedCategory: 'IMMEDIATE' },
    { code: 'D2', label: '网站或掌上办操作不便捷', suggestedCategory: 'IMMEDIATE' },
    { code: 'D3', label: '在线咨询无人答复或答复不准确', suggestedCategory: 'IMMEDIATE' },
    { code: 'E1', label: '系统不稳定、页面无法打开或提交失败', suggestedCategory: 'TIME_LIMITED' },
    { code: 'E2', label: '重复提交材料', suggestedCategory: 'TIME_LIMITED' },
    { code: 'E3', label: '审核办理速度慢', suggestedCategory: 'TIME_LIMITED' },
    { code: 'E4', label: '退回补正未一次性告知', suggestedCategory: 'TIME_LIMITED' },
    { code: 'E5', label: '办理进度无法查询', suggestedCategory: 'TIME_LIMITED' },
    { code: 'F1', label: '部门间数据不共享、证明材料需线下开具', suggestedCategory: 'COORDINATED' },
    { code: 'F2', label: '线上线下办理要求不一致', suggestedCategory: 'COORDINATED' },
  ],
};

/**
 * Master data every environment needs, production included. Idempotent: names follow this file, while what
 * admins maintain (a hall's office hours, a year's calendar once entered) is never overwritten.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  for (const [index, hall] of HALLS.entries()) {
    const row = await prisma.hall.upsert({ where: { code: hall.code }, update: { name: hall.name, kind: hall.kind }, create: hall });
    for (const window of WINDOW_TEMPLATES.slice(0, windowCountOf(index, hall.kind))) {
      await prisma.serviceWindow.upsert({
        where: { hallId_code: { hallId: row.id, code: window.code } },
        update: { name: window.name },
        create: { hallId: row.id, ...window },
      });
    }
  }
  const departmentIds = new Map<string, string>();
  for (const department of DEPARTMENTS) {
    const row = await prisma.department.upsert({ where: { code: department.code }, update: { name: department.name }, create: department });
    departmentIds.set(department.code, row.id);
  }
  for (const { departmentCode, ...item } of SERVICE_ITEMS) {
    const departmentId = departmentIds.get(departmentCode);
    if (!departmentId) throw new Error(`service item ${item.code}: unknown department ${departmentCode}`);
    await prisma.serviceItem.upsert({ where: { code: item.code }, update: { ...item, departmentId }, create: { ...item, departmentId } });
  }
  for (const [nature, options] of Object.entries(OPTION_SETS) as Array<[ServiceNature, (typeof OPTION_SETS)[ServiceNature]]>) {
    // Version 1 only when the nature has no option set yet: admins' later versions are theirs.
    if ((await prisma.optionSet.count({ where: { nature } })) > 0) continue;
    await prisma.optionSet.create({
      data: { nature, version: 1, options: { create: options.map((option, position) => ({ ...option, position })) } },
    });
  }
  // SLA policy version 1 (DOMAIN.md's clocks) when there is none: admins' later versions are theirs.
  await prisma.slaPolicyVersion.createMany({
    data: [{ version: DEFAULT_SLA_POLICY.version, policy: DEFAULT_SLA_POLICY as unknown as Prisma.InputJsonObject, createdBy: 'system', note: 'DOMAIN.md 默认时限' }],
    skipDuplicates: true,
  });
  for (const calendar of CHINA_OFFICIAL_YEAR_CALENDARS) {
    await prisma.calendarYear.upsert({ where: { year: calendar.year }, update: {}, create: toCalendarYearData(calendar) });
  }
}

const DEMO_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑'];
const DEMO_GIVEN_NAMES = ['丽娜', '建国', '海燕', '志强', '晓梅', '伟', '静', '磊', '秀英', '明', '芳', '军', '婷婷', '浩', '丹', '鹏', '雪', '勇', '霞', '超', '春燕'];

/**
 * Two invented staff members per window. Demo data, not reference data: a real county's staff are people,
 * entered by its admins, so these never reach a production database. Only when there are no staff yet.
 * Returns the number written.
 */
const DEMO_SERVICE_POINTS = ['东村便民服务点', '西村便民服务点', '南街社区便民服务点', '王庄村便民服务点', '李楼村便民服务点'];

/**
 * Two or three 便民服务点 (village and community service points) under each hall. Demo data: the county's real
 * points are entered by its admins. Only when there are none yet. Returns the number written.
 */
export async function seedDemoServicePoints(prisma: PrismaClient): Promise<number> {
  if ((await prisma.servicePoint.count()) > 0) return 0;
  const halls = await prisma.hall.findMany({ orderBy: { code: 'asc' } });
  const points = halls.flatMap((hall, index) =>
    DEMO_SERVICE_POINTS.slice(0, 2 + (index % 2)).map((name, n) => ({ hallId: hall.id, code: `P${String(n + 1).padStart(2, '0')}`, name })),
  );
  const { count } = await prisma.servicePoint.createMany({ data: points, skipDuplicates: true });
  return count;
}

export async function seedDemoStaff(prisma: PrismaClient): Promise<number> {
  if ((await prisma.staff.count()) > 0) return 0;
  const halls = await prisma.hall.findMany({ orderBy: { code: 'asc' }, include: { windows: { orderBy: { code: 'asc' } } } });
  const staff: Array<{ employeeNumber: string; name: string; hallId: string; windowId: string }> = [];
  for (const [hallIndex, hall] of halls.entries()) {
    for (const [windowIndex, window] of hall.windows.entries()) {
      for (const seat of [1, 2]) {
        const n = staff.length;
        staff.push({
          employeeNumber: `JX${String(hallIndex + 1).padStart(2, '0')}${String(windowIndex + 1).padStart(2, '0')}${seat}`,
          name: `${DEMO_SURNAMES[(n * 7) % DEMO_SURNAMES.length]}${DEMO_GIVEN_NAMES[(n * 5 + hallIndex) % DEMO_GIVEN_NAMES.length]}`,
          hallId: hall.id,
          windowId: window.id,
        });
      }
    }
  }
  const { count } = await prisma.staff.createMany({ data: staff, skipDuplicates: true });
  return count;
}

/** Which departments' items each window handles (WINDOW_TEMPLATES); 综合受理 takes what has no window of its own. */
const DEMO_WINDOW_DEPARTMENTS: Record<string, readonly string[]> = {
  W01: ['shenpi', 'gongan', 'shichang', 'zhujian', 'weijian'],
  W02: ['renshe', 'yibao'],
  W03: ['minzheng'],
  W04: ['tuiyijunren'],
  W05: ['canlian'],
  W06: ['nongye'],
};

const DEMO_COMPANIES = ['嘉祥县鸿运商贸有限公司', '嘉祥县石雕工艺品厂', '济宁祥和农业专业合作社', '嘉祥县安康家政服务部', '嘉祥县金源餐饮店'];

const DEMO_COMMENTS: Record<number, string[]> = {
  5: ['办事很快，工作人员很耐心', '一次就办好了，点赞', '材料一次性告知，很省心', '窗口服务热情周到'],
  4: ['整体不错', '等候时间不长', '流程清楚，就是取号有点慢'],
  3: ['还可以', '材料说明可以再清楚些', '等了二十多分钟'],
  2: ['排队时间太长，窗口只开了一个', '让我跑了两趟才补齐材料'],
  1: ['工作人员态度生硬，问了两遍都不耐烦', '问了三个窗口都说不归自己管'],
};

/** What a bad online rating says (the window ones are in DEMO_COMMENTS). */
const DEMO_ONLINE_BAD_COMMENTS = ['网上提交后好几天没人审核', '系统一直提交失败，打电话也没人接', '退回补正没说清楚缺什么材料'];

/** The phone a demo user types at jiaxiang's window W01 QR page to find cases of their own to rate. */
export const DEMO_CITIZEN_PHONE = '13800138000';

/**
 * The initial password of every demo account (npm start prints the accounts); each must be changed at the first sign-in.
 * Demo data only: a production database gets no demo account (its first admin comes from INITIAL_ADMIN_PASSWORD).
 */
export const DEMO_ACCOUNT_PASSWORD = 'Haochaping2026';
/** argon2id of DEMO_ACCOUNT_PASSWORD (m=19456, t=2, p=1), computed once, so the seed needs no argon2 binding. */
const DEMO_ACCOUNT_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$tflfd2bIhujz3HuzNgc6fQ$RXGylKsp4fxVXELDbwSp1PLabB1XCy5nhLGJnXm2PWo';

/** The demo accounts: admin, county, and per hall `<hall>-handler` / `<hall>-leader`, per department `<dept>-guide`. */
export function demoAccounts(): Array<{ username: string; displayName: string; role: 'HANDLER' | 'TOWN_LEADER' | 'DEPT_GUIDE' | 'COUNTY_SUPERVISOR' | 'ADMIN'; hallCodes: string[]; departmentCodes: string[] }> {
  return [
    { username: 'admin', displayName: '系统管理员（网络信息科）', role: 'ADMIN', hallCodes: [], departmentCodes: [] },
    { username: 'county', displayName: '县行政审批服务局督查指导科', role: 'COUNTY_SUPERVISOR', hallCodes: [], departmentCodes: [] },
    ...HALLS.flatMap((hall) => [
      { username: `${hall.code}-handler`, displayName: `${hall.name}经办人`, role: 'HANDLER' as const, hallCodes: [hall.code], departmentCodes: [] },
      { username: `${hall.code}-leader`, displayName: `${hall.name}分管领导`, role: 'TOWN_LEADER' as const, hallCodes: [hall.code], departmentCodes: [] },
    ]),
    ...DEPARTMENTS.map((department) => ({
      username: `${department.code}-guide`,
      displayName: `${department.name}业务指导`,
      role: 'DEPT_GUIDE' as const,
      hallCodes: [],
      departmentCodes: [department.code],
    })),
  ];
}

/** Writes the demo accounts that do not exist yet (never touching one a user has changed). Returns how many. */
export async function seedDemoAccounts(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.user.createMany({
    data: demoAccounts().map((account) => ({ ...account, passwordHash: DEMO_ACCOUNT_PASSWORD_HASH, mustChangePassword: true })),
    skipDuplicates: true,
  });
  return count;
}

/** At most this many bad reviews, each starting a real workflow: enough to show the rectification desk, not to flood it. */
const DEMO_BAD_REVIEWS = 6;
const DEMO_DAYS = 28;
const MINUTE_MS = 60_000;

/** mulberry32: a small seeded generator, so every new system gets the same demo (and no Math.random). */
function demoRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('demo data: nothing to pick from');
    return items[Math.floor(next() * items.length)];
  };
  return { next, int, pick, chance: (probability: number): boolean => next() < probability };
}

/** Midnight (Asia/Shanghai) of the working days (Mon–Fri) among the last `days` days up to `now`, oldest first. */
function demoWorkingDays(now: Date, days: number): Date[] {
  const today = Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / 86_400_000);
  const result: Date[] = [];
  for (let day = today - days + 1; day <= today; day++) {
    const weekday = new Date(day * 86_400_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) result.push(new Date(day * 86_400_000 - SHANGHAI_OFFSET_MS));
  }
  return result;
}

/** A minute inside office hours (09:00–11:45, 13:00–16:45 Beijing time) of a day given by its midnight. */
function demoOfficeMinute(random: ReturnType<typeof demoRandom>, midnight: Date): Date {
  const minute = random.chance(0.55) ? random.int(9 * 60, 11 * 60 + 45) : random.int(13 * 60, 16 * 60 + 45);
  return new Date(midnight.getTime() + minute * MINUTE_MS);
}

interface DemoCase {
  id: string;
  caseNumber: string;
  serviceItemId: string;
  hallId: string;
  windowId: string | null;
  staffId: string | null;
  applicantKind: 'PERSON' | 'ORGANIZATION';
  applicantNameEnc: string;
  applicantPhoneEnc: string;
  applicantPhoneHash: string;
  receivedAt: Date;
  completedAt: Date | null;
  channel: 'WINDOW' | 'ONLINE';
  source: string;
  createdAt: Date;
}

interface DemoReview {
  id: string;
  hallId: string;
  windowId: string | null;
  staffId: string | null;
  serviceItemId: string;
  caseId: string;
  level: number;
  optionCodes: string[];
  optionSetId: string | null;
  optionSetVersion: number | null;
  comment: string | null;
  channel: 'WINDOW_QR' | 'ONLINE_PORTAL';
  reviewerKind: 'ANONYMOUS' | 'REAL_NAME';
  reviewerNameEnc: string | null;
  reviewerPhoneEnc: string | null;
  reviewerPhoneHash: string | null;
  trackingCode: string;
  clientKey: string;
  createdAt: Date;
}

/**
 * A living system for a new user: staff at the windows (seedDemoStaff), a few hundred cases over the last four
 * weeks across every hall, window and item (office hours, working days), most of them rated the way ratings come in
 * (about 85 % 满意 or 非常满意), and a handful of bad reviews from the last days whose rectification workflows start
 * as soon as the API runs (outbox). Bad reviews are kept to those few so that every 差评 has its workflow, as in
 * production. Some recent cases stay unrated for the rating pages; two of them belong to DEMO_CITIZEN_PHONE at
 * jiaxiang W01. Deterministic but for ids and tracking codes. Only when the database holds no review yet.
 * Returns the number of reviews written (0 when the database already had data).
 */
export async function seedDemoData(prisma: PrismaClient, protector: DataProtector, now: Date = new Date()): Promise<number> {
  await seedDemoStaff(prisma);
  await seedDemoServicePoints(prisma);
  await seedDemoAccounts(prisma);
  if ((await prisma.review.count()) > 0) return 0;

  const random = demoRandom(20261128);
  const [halls, items, optionSets] = await Promise.all([
    prisma.hall.findMany({ orderBy: { code: 'asc' }, include: { windows: { orderBy: { code: 'asc' }, include: { staff: { orderBy: { employeeNumber: 'asc' } } } } } }),
    prisma.serviceItem.findMany({ orderBy: { code: 'asc' }, include: { department: true } }),
    prisma.optionSet.findMany({ orderBy: { version: 'desc' } }),
  ]);
  const optionSetOf = (nature: ServiceNature) => optionSets.find((set) => set.nature === nature);

  const cases: DemoCase[] = [];
  const natureOf = new Map(items.map((item) => [item.id, item.nature]));
  const hallCodeOf = new Map(halls.map((hall) => [hall.id, hall.code]));
  const days = demoWorkingDays(now, DEMO_DAYS);

  const addCase = (input: { hall: (typeof halls)[number]; window: (typeof halls)[number]['windows'][number]; midnight: Date; dayIndex: number; phone?: string; atWindow?: boolean }): DemoCase | undefined => {
    const { hall, window, midnight, dayIndex } = input;
    const departments = DEMO_WINDOW_DEPARTMENTS[window.code] ?? DEMO_WINDOW_DEPARTMENTS.W01 ?? [];
    const candidates = items.filter((item) => departments.includes(item.department.code));
    const item = random.pick(candidates.length > 0 ? candidates : items);
    // Online items were mostly applied for online.
    const channel = !input.atWindow && item.nature === 'ONLINE' && random.chance(0.75) ? 'ONLINE' : 'WINDOW';
    const staff = window.staff.length > 0 ? random.pick(window.staff) : null;
    const organization = random.chance(0.12);
    const name = organization ? random.pick(DEMO_COMPANIES) : `${random.pick(DEMO_SURNAMES)}${random.pick(DEMO_GIVEN_NAMES)}`;
    const phone = input.phone ?? (organization && random.chance(0.4) ? `0537${random.int(6_000_000, 6_999_999)}` : `1${random.pick(['38', '39', '58', '59', '87', '52', '35'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`);

    let receivedAt: Date;
    let completedAt: Date | null;
    if (channel === 'WINDOW') {
      receivedAt = demoOfficeMinute(random, midnight);
      completedAt = new Date(receivedAt.getTime() + random.int(8, 75) * MINUTE_MS);
    } else {
      // Online applications arrive at any hour and are approved on a later working day.
      receivedAt = new Date(midnight.getTime() + random.int(7 * 60, 22 * 60) * MINUTE_MS);
      const approvalDay = days[dayIndex + random.int(1, 2)];
      completedAt = approvalDay ? demoOfficeMinute(random, approvalDay) : null;
    }
    if (receivedAt.getTime() > now.getTime()) return undefined;
    if (completedAt && completedAt.getTime() > now.getTime()) completedAt = null;

    const day = new Date(midnight.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
    const serviceCase: DemoCase = {
      id: randomUUID(),
      caseNumber: `JX${day}${String(cases.length + 1).padStart(5, '0')}`,
      serviceItemId: item.id,
      hallId: hall.id,
      windowId: channel === 'WINDOW' ? window.id : null,
      staffId: staff?.id ?? null,
      applicantKind: organization ? 'ORGANIZATION' : 'PERSON',
      applicantNameEnc: protector.encrypt(name),
      applicantPhoneEnc: protector.encrypt(phone),
      applicantPhoneHash: protector.phoneHash(phone),
      receivedAt,
      completedAt,
      channel,
      source: 'demo',
      createdAt: completedAt ?? receivedAt,
    };
    cases.push(serviceCase);
    return serviceCase;
  };

  // Every window has served someone in these weeks (a quiet one would look broken in the statistics).
  for (const hall of halls) {
    for (const window of hall.windows) {
      const dayIndex = random.int(0, Math.max(0, days.length - 3));
      const midnight = days[dayIndex];
      if (midnight) addCase({ hall, window, midnight, dayIndex, atWindow: true });
    }
  }
  days.forEach((midnight, dayIndex) => {
    for (const hall of halls) {
      // 街道 halls are the busy ones; a town hall sees a case or two a day.
      const count = hall.kind === 'STREET' ? random.int(2, 4) : random.int(0, 2);
      for (let n = 0; n < count; n++) {
        // 综合受理 takes about a third of the work.
        const window = random.chance(0.35) ? hall.windows[0] : random.pick(hall.windows);
        if (window) addCase({ hall, window, midnight, dayIndex });
      }
    }
  });
  // The demo citizen's cases: the last two working days at jiaxiang W01, left unrated.
  const demoCitizenCases = new Set<string>();
  const jiaxiang = halls.find((hall) => hall.code === 'jiaxiang');
  const firstWindow = jiaxiang?.windows.find((window) => window.code === 'W01');
  for (const dayIndex of [days.length - 2, days.length - 1]) {
    const midnight = days[dayIndex];
    if (!jiaxiang || !firstWindow || !midnight) continue;
    // Early in the morning of the last day the office minute may still be ahead: then the day before serves.
    const added =
      addCase({ hall: jiaxiang, window: firstWindow, midnight, dayIndex, phone: DEMO_CITIZEN_PHONE, atWindow: true }) ??
      addCase({ hall: jiaxiang, window: firstWindow, midnight: days[dayIndex - 2] ?? midnight, dayIndex: dayIndex - 2, phone: DEMO_CITIZEN_PHONE, atWindow: true });
    if (added) demoCitizenCases.add(added.id);
  }

  // Ratings: most completed cases are rated, recent ones less often (their citizens still have days to rate).
  const reviews: DemoReview[] = [];
  const recentFrom = now.getTime() - 2 * 86_400_000;
  for (const row of cases) {
    if (!row.completedAt || demoCitizenCases.has(row.id)) continue;
    if (!random.chance(row.completedAt.getTime() >= recentFrom ? 0.5 : 0.82)) continue;
    const delay = row.channel === 'WINDOW' ? random.int(1, 20) * MINUTE_MS : random.int(10, 30 * 60) * MINUTE_MS;
    const createdAt = new Date(row.completedAt.getTime() + delay);
    if (createdAt.getTime() > now.getTime()) continue;
    const roll = random.next();
    const level = roll < 0.6 ? 5 : roll < 0.87 ? 4 : 3;
    const realName = random.chance(0.6);
    const comment = random.chance(0.35) ? random.pick(DEMO_COMMENTS[level] ?? ['']) : null;
    reviews.push({
      id: randomUUID(),
      hallId: row.hallId,
      windowId: row.windowId,
      staffId: row.staffId,
      serviceItemId: row.serviceItemId,
      caseId: row.id,
      level,
      optionCodes: [],
      optionSetId: null,
      optionSetVersion: null,
      comment,
      channel: row.channel === 'WINDOW' ? 'WINDOW_QR' : 'ONLINE_PORTAL',
      reviewerKind: realName ? 'REAL_NAME' : 'ANONYMOUS',
      reviewerNameEnc: realName ? row.applicantNameEnc : null,
      reviewerPhoneEnc: realName ? row.applicantPhoneEnc : null,
      reviewerPhoneHash: realName ? row.applicantPhoneHash : null,
      trackingCode: newTrackingCode(),
      clientKey: `demo-${row.caseNumber}`,
      createdAt,
    });
  }

  // The bad ones: recent reviews in as many different halls as possible, real-name (a callback is owed), with reasons.
  const badFrom = now.getTime() - 4 * 86_400_000;
  const badHalls = new Set<string>();
  const bad: DemoReview[] = [];
  for (const review of reviews) {
    if (bad.length >= DEMO_BAD_REVIEWS) break;
    if (review.createdAt.getTime() < badFrom || badHalls.has(review.hallId) || !random.chance(0.5)) continue;
    badHalls.add(review.hallId);
    bad.push(review);
  }
  bad.forEach((review, n) => {
    const nature = natureOf.get(review.serviceItemId) ?? 'OFFLINE';
    const optionSet = optionSetOf(nature);
    const options = OPTION_SETS[nature];
    const level = n % 3 === 0 ? 1 : 2;
    const serviceCase = cases.find((row) => row.id === review.caseId);
    Object.assign(review, {
      level,
      comment: random.pick(nature === 'ONLINE' && review.channel === 'ONLINE_PORTAL' ? DEMO_ONLINE_BAD_COMMENTS : (DEMO_COMMENTS[level] ?? [''])),
      optionCodes: [...new Set([random.pick(options).code, random.pick(options).code])],
      optionSetId: optionSet?.id ?? null,
      optionSetVersion: optionSet?.version ?? null,
      reviewerKind: 'REAL_NAME',
      reviewerNameEnc: serviceCase?.applicantNameEnc ?? null,
      reviewerPhoneEnc: serviceCase?.applicantPhoneEnc ?? null,
      reviewerPhoneHash: serviceCase?.applicantPhoneHash ?? null,
    } satisfies Partial<DemoReview>);
  });

  await prisma.$transaction(
    async (tx) => {
      await tx.serviceCase.createMany({ data: cases });
      await tx.review.createMany({ data: reviews });
      for (const review of reviews) {
        if (!isBadReview(review.level)) continue;
        const hallCode = hallCodeOf.get(review.hallId) ?? '';
        await enqueueRectificationStart(tx, { reviewId: review.id, hallCode, level: review.level, reviewedAt: review.createdAt.toISOString() });
      }
    },
    { timeout: 60_000 },
  );
  return reviews.length;
}
