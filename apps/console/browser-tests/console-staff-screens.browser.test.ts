import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { accessTokenOf, bearer } from '../../api/test/helpers/auth-accounts';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { VISIBLE_MS, visibleOrScreenshot } from './helpers/visible';

/**
 * The screens for what hall staff and the county do by hand (issue 13), at 1280×800 in Chromium against the real
 * API, worker and database: 登记意见 (a bad hotline item: the rules shown field by field, the tracking code, the
 * rectification it starts), 办件导入 (the template, a dry run listing the bad line, the commit of the good ones, a
 * re-import that changes nothing), and the county seeing a handler's extension request in 消息 and approving it.
 */
let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack([
    { username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'] },
    { username: 'county', role: 'COUNTY_SUPERVISOR' },
  ]);
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'staff-screens-failed');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

const stateChip = (page: Page, label: string) => page.getByTestId('state-chip').filter({ hasText: label });

/** The helper text under an input: react-admin shows a field's error there. */
const errorOf = (page: Page, message: string) => page.locator('.MuiFormHelperText-root.Mui-error').filter({ hasText: message });

async function untilInReadModel(reviewId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await stack.cases.prisma.rectificationCase.findUnique({ where: { reviewId }, select: { reviewId: true } }))) {
    if (Date.now() > deadline) throw new Error(`the case of review ${reviewId} did not reach the read model within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('登记意见: a hotline item entered by a handler', () => {
  it('refuses a bad phone and an unknown case number field by field, then saves: tracking code, rectification started', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'jintun-handler');
    await page.getByRole('menuitem', { name: '登记意见' }).click();
    await visible(page.getByRole('heading', { name: /登记意见/ }));

    await page.getByLabel('反馈渠道').click();
    await page.getByRole('option', { name: '服务热线（6851890）' }).click();
    // A handler of one hall: the hall is chosen, and only theirs is offered.
    await expect(page.getByLabel('服务大厅').textContent()).resolves.toBe('金屯镇');
    await page.getByLabel('服务大厅').click();
    // (Besides the blank choice that leaves the field empty again.)
    const offered = (await page.getByRole('option').allTextContents()).filter((text) => text.replace(/[\s\u200b]/g, '') !== '');
    expect(offered).toEqual(['金屯镇']);
    await page.keyboard.press('Escape');
    await page.getByRole('radio', { name: '不满意（2）' }).check();
    // The reasons of the current option set, as the API serves it (线下 for hall feedback).
    const reasons = page.getByRole('group', { name: '评价原因' }).getByRole('checkbox');
    await visible(reasons);
    expect(await reasons.count()).toBeGreaterThan(1);
    await reasons.first().check();
    await page.getByLabel('反馈内容').fill('来电反映：窗口工作人员午休提前半小时离岗，群众等候未果');
    await page.getByLabel('留有联系方式').check();
    await page.getByLabel('姓名（选填）').fill('刘女士');
    await page.getByLabel('联系电话（选填）').fill('1390013900x');
    await page.getByRole('button', { name: '保存' }).click();
    // The privacy package's rule, before anything is sent.
    await visible(errorOf(page, '电话号码格式不正确'));
    await stack.screenshot(page, 'staff-01-entry-phone-refused');

    // The API's refusal lands on the input it names: a case number 金屯镇 does not have.
    await page.getByLabel('联系电话（选填）').fill('139 0013 9001');
    await page.getByLabel('办件编号（选填）').fill('JT-NO-SUCH-CASE');
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/feedback-entries'));
    await page.getByRole('button', { name: '保存' }).click();
    expect((await refused).status()).toBe(422);
    await visible(errorOf(page, '请核对办件编号，或不关联办件'));
    await visible(page.getByText('金屯镇没有编号为 JT-NO-SUCH-CASE 的办件'));
    await stack.screenshot(page, 'staff-02-entry-case-refused');

    await page.getByLabel('办件编号（选填）').fill('');
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/feedback-entries'));
    await page.getByRole('button', { name: '保存' }).click();
    const answer = await saved;
    expect(answer.status()).toBe(201);
    const { id, trackingCode } = (await answer.json()) as { id: string; trackingCode: string };
    await visible(page.getByTestId('tracking-code').filter({ hasText: trackingCode }));
    await visible(page.getByText('已启动差评整改，案件已进入整改流程'));
    await stack.screenshot(page, 'staff-03-entry-saved');

    const review = await stack.cases.prisma.review.findUniqueOrThrow({ where: { id } });
    expect(review).toMatchObject({ channel: 'HOTLINE', level: 2, reviewerKind: 'REAL_NAME', enteredBy: stack.accounts['jintun-handler'], caseId: null });

    // The case it opened, as any other 差评.
    await untilInReadModel(id);
    await page.getByRole('link', { name: '查看整改案件' }).click();
    await page.waitForURL(new RegExp(`#/rectifications/${id}/show`));
    await visible(stateChip(page, '待核实'));
    // The contact taken down on the call, masked: a real-name item, to be called back.
    await visible(page.getByTestId('reviewer').filter({ hasText: '139****9001' }));
    await stack.screenshot(page, 'staff-04-entry-case');
  }, 120_000);
});

describe('办件导入: a CSV of cases for a hall without a business system', () => {
  const HEADERS = '办件编号,事项编码,服务大厅编码,窗口编码,工作人员工号,申请人类型,申请人名称,联系电话,受理时间,办结时间,办理渠道';
  const csv = [
    `\uFEFF${HEADERS}`,
    'JT-CSV-001,RS-001,jintun,W01,,自然人,张三,13812345678,2026-11-20 10:30,2026-11-20 11:05,线下窗口',
    'JT-CSV-002,RS-001,atlantis,W01,,自然人,李四,13812345679,2026-11-20 10:40,2026-11-20 11:10,线下窗口',
    'JT-CSV-003,RS-001,jintun,,,法人,嘉祥县某某商贸有限公司,0537-6851890,2026-11-21 09:00,,网上办事',
  ].join('\r\n');
  const file = { name: '金屯镇办件.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

  async function run(page: Page, button: '检查文件' | '导入'): Promise<Locator> {
    const answer = page.waitForResponse((response) => response.url().includes('/api/cases/import'));
    await page.getByRole('button', { name: button, exact: true }).click();
    expect((await answer).status()).toBe(200);
    return page.getByTestId('import-summary');
  }

  it('downloads the template, lists the bad line in a dry run, imports the good ones, and says a re-import changes nothing', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county');
    await page.getByRole('menuitem', { name: '办件导入' }).click();
    await visible(page.getByRole('heading', { name: '办件导入（CSV）' }));

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载导入模板' }).click();
    const template = await readFile(await (await download).path());
    expect([...template.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(template.toString('utf8').replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADERS);

    await page.getByTestId('case-import-file').setInputFiles(file);
    await visible(page.getByText('已选择：金屯镇办件.csv'));
    await expect(page.getByRole('button', { name: '导入', exact: true }).isDisabled()).resolves.toBe(true);

    await visible((await run(page, '检查文件')).filter({ hasText: '将新增 2 条，有误 1 条' }));
    const badRows = page.getByTestId('bad-lines').locator('tbody tr');
    await expect(badRows.count()).resolves.toBe(1);
    await expect(badRows.first().getByRole('cell').allTextContents()).resolves.toEqual(['第 3 行', 'JT-CSV-002', expect.stringMatching(/^服务大厅编码：未知的服务大厅编码 atlantis/) as unknown as string]);
    await visible(page.getByText('检查结果（尚未导入）'));
    await expect(stack.cases.prisma.serviceCase.count({ where: { caseNumber: { startsWith: 'JT-CSV-' } } })).resolves.toBe(0);
    await stack.screenshot(page, 'staff-05-import-dry-run');

    await visible((await run(page, '导入')).filter({ hasText: '新增 2 条，有误 1 条' }));
    await visible(page.getByText('导入结果'));
    const stored = await stack.cases.prisma.serviceCase.findMany({ where: { caseNumber: { startsWith: 'JT-CSV-' } }, orderBy: { caseNumber: 'asc' }, select: { caseNumber: true, source: true } });
    expect(stored).toEqual([
      { caseNumber: 'JT-CSV-001', source: `csv:${stack.accounts['county']}` },
      { caseNumber: 'JT-CSV-003', source: `csv:${stack.accounts['county']}` },
    ]);
    await stack.screenshot(page, 'staff-06-import-committed');

    // The same file again: idempotent by case number.
    await page.getByTestId('case-import-file').setInputFiles(file);
    await visible((await run(page, '检查文件')).filter({ hasText: '未变 2 条，有误 1 条' }));
    await expect(page.getByRole('button', { name: '导入', exact: true }).isDisabled()).resolves.toBe(true);
    await stack.screenshot(page, 'staff-07-import-again');
  }, 120_000);
});

describe('消息: the county sees an extension request', () => {
  it('shows the request in the bell and the list and on the case, and the county approves it there', async () => {
    const reviewId = await stack.badReview('社保转移手续办了一个月还没办完');
    const handler = bearer(await accessTokenOf(stack.api.baseUrl, 'jintun-handler'));
    const act = async (action: string, body: unknown) => {
      const response = await fetch(`${stack.api.baseUrl}/rectifications/${reviewId}/actions/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', ...handler }, body: JSON.stringify(body) });
      if (response.status !== 200) throw new Error(`${action} as the handler: ${response.status} ${await response.text()}`);
    };
    await act('verify', { finding: 'TRUE', category: 'COORDINATED', notes: '需人社、医保两部门协同办理' });
    const live = (await (await fetch(`${stack.api.baseUrl}/rectifications/${reviewId}?live=1`, { headers: handler })).json()) as { reviewedAt: string; obligations: { result?: { dueAt: string } } };
    const resultDueAt = Date.parse(live.obligations.result?.dueAt ?? '');
    expect(resultDueAt).toBeGreaterThan(Date.now());
    const newDueAt = new Date(resultDueAt + 7 * 24 * 3_600_000);
    await act('request-extension', {
      reason: '需调取外省社保缴费记录，10 个工作日内无法办结',
      newDueAt: newDueAt.toISOString(),
      // Called back after the review came in (the workflow refuses a contact before it).
      contactedAt: new Date((Date.parse(live.reviewedAt) + Date.now()) / 2).toISOString(),
      contactMethod: 'PHONE',
      reviewerResponse: '评价人同意延期',
    });

    const page = await stack.deskPage();
    await signIn(page, 'county');
    const bell = page.getByRole('link', { name: /^消息（[1-9]\d* 条未读）$/ });
    await visible(bell, 45_000);
    await bell.click();
    await page.waitForURL(/#\/notifications/);
    const request = page.locator('.RaDatagrid-tbody tr').filter({ hasText: '延期申请待审批' });
    await visible(request);
    await expect(request.first().textContent()).resolves.toContain('金屯镇一件协调整改案件申请延期，请审批');
    await expect(request.first().textContent()).resolves.toContain('未读');
    await stack.screenshot(page, 'staff-08-county-extension-notice');

    await request.first().getByRole('button', { name: '查看案件' }).click();
    await page.waitForURL(new RegExp(`#/rectifications/${reviewId}/show`));
    await visible(stateChip(page, '延期待审批'));
    await visible(page.getByText('已联系评价人并申请延期，待县行政审批服务局审批'));
    await visible(page.getByRole('cell', { name: '延期审批', exact: true }));
    await stack.screenshot(page, 'staff-09-county-extension-case');

    await page.getByRole('button', { name: '审批延期', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog);
    await dialog.getByRole('radio', { name: '同意', exact: true }).check();
    await dialog.getByLabel('理由').fill('涉及外省调档，同意延期');
    const decided = page.waitForResponse((response) => /\/actions\/decide-extension$/.test(response.url()));
    await dialog.getByRole('button', { name: '提交' }).click();
    expect((await decided).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden', timeout: VISIBLE_MS });
    await visible(stateChip(page, '整改中'));
    // The result's due time on the case is the one approved (shown in Beijing time, to the minute).
    const beijing = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(newDueAt);
    await visible(page.getByRole('row').filter({ hasText: '整改结果反馈' }).filter({ hasText: beijing }));
    await stack.screenshot(page, 'staff-10-county-extension-approved');
    const readAt = await stack.cases.prisma.notification.findFirst({ where: { template: 'EXTENSION_REQUESTED', params: { path: ['reviewId'], equals: reviewId } }, select: { readAt: true } });
    expect(readAt?.readAt).not.toBeNull();
  }, 150_000);
});
