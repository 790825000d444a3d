import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { VISIBLE_MS, visibleOrScreenshot } from './helpers/visible';

/**
 * The staff console (issue 6, "Screens") at 1280×800 in Chromium against the real API, worker and database:
 * sign-in with the forced first password change, the 工作台, a case worked through its action forms to 待群众确认,
 * the county's decision on a 不予采纳, and another hall's handler refused by URL.
 */
const NEW_PASSWORD = 'Console-test-2026';
let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack([
    // As seeded demo accounts are: the first sign-in must change the password.
    { username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'], mustChangePassword: true },
    { username: 'county', role: 'COUNTY_SUPERVISOR' },
    { username: 'zhifang-handler', role: 'HANDLER', hallCodes: ['zhifang'] },
    { username: 'admin', role: 'ADMIN' },
  ]);
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

/** Waits for the locator; when it never shows, the page as it was is saved to tell why. */
const visible = visibleOrScreenshot(() => stack);

async function apiToken(username: string, password: string): Promise<string> {
  const response = await fetch(`${stack.api.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken) throw new Error(`sign-in of ${username}: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Opens an action's form, lets `fill` complete it, sends it and waits for the API's answer. */
async function act(page: Page, button: string, fill: (dialog: Locator) => Promise<void>, screenshot?: string): Promise<number | string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  await fill(dialog);
  if (screenshot) await stack.screenshot(page, screenshot);
  const answer = page.waitForResponse((response) => response.request().method() === 'POST' && /\/api\/rectifications\/[^/]+\/actions\//.test(response.url()));
  await dialog.getByRole('button', { name: '提交' }).click();
  const response = await answer;
  // A refusal keeps the form open (422) or shows a notification: answer with what the API said, for the assertion.
  if (response.status() !== 200) return `${response.status()} ${await response.text()}`;
  await dialog.waitFor({ state: 'hidden', timeout: VISIBLE_MS });
  return response.status();
}

/** Clicks the list's 导出 and answers the downloaded file's text. */
async function exportedCsv(page: Page): Promise<string> {
  const download = page.waitForEvent('download', { timeout: VISIBLE_MS });
  await page.getByRole('button', { name: '导出', exact: true }).click();
  return readFile(await (await download).path(), 'utf8');
}

const stateChip = (page: Page, label: string) => page.getByTestId('state-chip').filter({ hasText: label });

describe('the staff console', () => {
  it('takes a handler from the first sign-in through a new 差评 on the 工作台 to 待群众确认', async () => {
    const reviewId = await stack.badReview('窗口人员态度生硬，材料一次没说清楚');
    await stack.cases.completedCase({ caseNumber: 'BT-CONSOLE-0001', hallCode: 'jintun', windowCode: 'W01', serviceItemCode: 'RS-004', applicantName: '王丽娜', phone: '13800138000' });
    const page = await stack.deskPage();

    await page.goto(stack.console.url);
    await visible(page.getByRole('button', { name: '登录' }));
    await stack.screenshot(page, '01-login');
    await signIn(page, 'jintun-handler', TEST_PASSWORD);

    // The seeded password must be changed before anything else.
    await visible(page.getByRole('heading', { name: '修改密码' }));
    await page.getByLabel('当前密码').fill(TEST_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('short1');
    await page.getByLabel('再次输入新密码').fill('short1');
    await page.getByRole('button', { name: '修改密码' }).click();
    await visible(page.getByText('密码至少 10 位'));
    await stack.screenshot(page, '02-change-password');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();

    // 工作台: the new case among 我的待办, with its countdown.
    const myCases = page.getByTestId('my-cases');
    await visible(myCases);
    const row = myCases.getByRole('row').filter({ hasText: '待核实' });
    await visible(row);
    await expect(row.getByTestId('due-countdown').first().textContent()).resolves.toMatch(/^剩余 /);
    await visible(page.getByText('测试 jintun-handler，您好'));
    await stack.screenshot(page, '03-dashboard-handler');

    await row.getByRole('link').first().click();
    await page.waitForURL(`**/#/rectifications/${reviewId}/show`);
    await visible(stateChip(page, '待核实'));
    await visible(page.getByRole('link', { name: '在 Temporal 中查看流程' }));
    await visible(page.getByRole('cell', { name: '回访', exact: true }));
    // The reviewer masked; in full on request for the hall's handler while nobody is assigned (the API records it).
    await visible(page.getByTestId('reviewer').filter({ hasText: '139****9000' }));
    await stack.screenshot(page, '04-case-pending-verification');
    await page.getByRole('button', { name: '查看完整信息' }).click();
    await visible(page.getByTestId('reviewer').filter({ hasText: '周八 · 13900139000' }));

    // A form refuses what the API would refuse, before sending it.
    await page.getByRole('button', { name: '核实', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await visible(page.getByRole('dialog').getByText('必填'));
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    expect(
      await act(
        page,
        '核实',
        async (dialog) => {
          await dialog.getByLabel('整改类别').click();
          await page.getByRole('option', { name: '限时整改' }).click();
          await dialog.getByLabel('核实情况').fill('经调取窗口录像，工作人员一次性告知不到位，属实');
        },
        '05-verify-form',
      ),
    ).toBe(200);
    await visible(stateChip(page, '整改中'));

    expect(
      await act(page, '记录回访', async (dialog) => {
        await dialog.getByLabel('回访情况').fill('电话联系评价人，致歉并说明整改安排');
        await dialog.getByLabel('初步答复').fill('评价人表示理解，等待整改结果');
      }, '06-callback-form'),
    ).toBe(200);

    expect(
      await act(page, '录入整改结果', async (dialog) => {
        await dialog.getByLabel('整改措施').fill('对窗口人员开展一次性告知培训，材料清单上墙');
        await dialog.getByLabel('整改结果').fill('已完成培训，材料清单已在窗口公示');
      }),
    ).toBe(200);
    await visible(stateChip(page, '待群众确认'));
    await visible(page.getByTestId('timeline').getByText(/整改/));
    // Each step names who took it by post and display name, the workflow's own steps as 系统; never an account id.
    const timeline = page.getByTestId('timeline');
    await visible(timeline.getByText('已登记整改结果并反馈评价人，待群众确认'));
    await visible(timeline.getByTestId('timeline-actor').filter({ hasText: /^系统$/ }));
    await expect(timeline.getByTestId('timeline-actor').filter({ hasText: /^经办人 测试 jintun-handler$/ }).count()).resolves.toBe(3);
    await expect(timeline.getByText(/账号/).count()).resolves.toBe(0);
    // The callback shows its stated and recorded times; recorded at once, no 补录; no call log imported: 未核验.
    const proof = timeline.getByTestId('callback-proof');
    await visible(proof.getByText(/^经办人所述回访时间 .+，系统登记于 .+$/));
    await visible(proof.getByText('未核验'));
    await expect(proof.getByText('补录').count()).resolves.toBe(0);
    await stack.screenshot(page, '07-case-awaiting-confirmation');

    // The list, then a preset: the case waits for the reviewer now, so it is not among 我的待办.
    await page.goto(`${stack.console.url}/#/rectifications`);
    await visible(page.getByRole('row').filter({ hasText: '待群众确认' }));
    await stack.screenshot(page, '08-rectification-list');
    // 导出 asks for 1,000 rows; the API gives 500 a request, so the console fetches them page by page.
    const csv = await exportedCsv(page);
    expect(csv).toContain(reviewId);
    // Chinese headers, the hall and the handler by name, times in Beijing minutes: no codes or account ids.
    expect(csv).toMatch(/^\uFEFF工单编号,服务大厅,评价,状态,整改类别,督办级别,已超期,经办人,协办部门,收到时间,/);
    expect(csv).toContain(`${reviewId},金屯镇,`);
    expect(csv).not.toContain('jintun');
    await page.getByRole('button', { name: '我的待办' }).click();
    await visible(page.getByText('按当前筛选条件未找到'));
    await stack.screenshot(page, '08b-rectification-list-preset');

    // 办件: the applicant masked.
    await page.goto(`${stack.console.url}/#/cases`);
    await visible(page.getByText('BT-CONSOLE-0001'));
    await visible(page.getByText('王*'));
    await expect(page.getByText('王丽娜').count()).resolves.toBe(0);
    await stack.screenshot(page, '09-case-list');
    expect(await exportedCsv(page)).toContain('BT-CONSOLE-0001');
    await page.getByText('BT-CONSOLE-0001').click();
    await visible(page.getByText('尚未评价'));
    await stack.screenshot(page, '10-case-show');
  }, 180_000);

  it('lets the county supervisor approve a proposed 不予采纳, which closes the case', async () => {
    const reviewId = await stack.badReview('说我材料不全，我明明都带了');
    const handler = await apiToken('jintun-handler', NEW_PASSWORD);
    const proposed = await fetch(`${stack.api.baseUrl}/rectifications/${reviewId}/actions/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${handler}` },
      body: JSON.stringify({ finding: 'UNTRUE', evidenceNotes: '窗口录像显示评价人未携带户口簿，工作人员已一次性告知' }),
    });
    expect(proposed.status).toBe(200);

    const page = await stack.deskPage();
    await signIn(page, 'county', TEST_PASSWORD);
    await visible(page.getByTestId('my-cases').getByRole('row').filter({ hasText: '不予采纳待审核' }));
    await stack.screenshot(page, '11-dashboard-county');

    await page.goto(`${stack.console.url}/#/rectifications/${reviewId}/show`);
    await visible(stateChip(page, '不予采纳待审核'));
    expect(
      await act(page, '审核不予采纳', async (dialog) => {
        await dialog.getByRole('radio', { name: '同意', exact: true }).check();
        await dialog.getByLabel('理由').fill('证据充分，同意不予采纳');
      }, '12-decide-rejection-form'),
    ).toBe(200);
    await visible(stateChip(page, '已办结'));
    await visible(page.getByTestId('timeline-actor').filter({ hasText: /^县行政审批服务局 测试 county$/ }));
    await stack.screenshot(page, '13-case-closed');

    // 超期督办: real clocks run for days, so one open case's read-model row is marked overdue at the hall's level
    // (what the workflow's escalation would project); the page counts it under its hall and links to it.
    const lateId = await stack.badReview('办理时间太长');
    await stack.cases.prisma.rectificationCase.update({ where: { reviewId: lateId }, data: { overdue: true, escalationLevel: 1 } });
    await page.getByRole('menuitem', { name: '超期督办' }).click();
    const byHall = page.getByTestId('supervision-by-hall');
    await visible(byHall.getByRole('row').filter({ hasText: '金屯镇' }));
    await expect(byHall.getByRole('row').filter({ hasText: '金屯镇' }).getByRole('cell').allTextContents()).resolves.toEqual(['金屯镇', '1', '1', '0', '1']);
    await stack.screenshot(page, '14-supervision');
    await page.getByTestId('supervision-cases').getByRole('link').first().click();
    await page.waitForURL(`**/#/rectifications/${lateId}/show`);
    await visible(stateChip(page, '待核实'));
    // The workflow's own answer is in when its obligations are listed (the buttons come with it).
    await visible(page.getByRole('cell', { name: '回访', exact: true }));
    await visible(page.getByRole('button', { name: '核实', exact: true }));

    // The hall verifies meanwhile: the county's 核实 on the stale page is refused (409) in Chinese, and the page
    // reads the case again instead of showing a state that is no longer true.
    const verified = await fetch(`${stack.api.baseUrl}/rectifications/${lateId}/actions/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${handler}` },
      body: JSON.stringify({ finding: 'TRUE', category: 'IMMEDIATE', notes: '属实，已当场整改' }),
    });
    expect(verified.status).toBe(200);
    const refusal = await act(page, '核实', async (dialog) => {
      await dialog.getByLabel('整改类别').click();
      await page.getByRole('option', { name: '限时整改' }).click();
      await dialog.getByLabel('核实情况').fill('县局核实');
    });
    expect(refusal).toMatch(/^409 /);
    const { message } = JSON.parse(String(refusal).slice(4)) as { message: string };
    await visible(page.getByText(message));
    await visible(stateChip(page, '整改中'));
    await stack.screenshot(page, '15-stale-action-refused');
  }, 120_000);

  it("refuses another hall's handler the case by URL, in Chinese", async () => {
    const reviewId = await stack.badReview('等了很久没人办理');
    const page = await stack.deskPage();
    await signIn(page, 'zhifang-handler', TEST_PASSWORD);
    await visible(page.getByText('测试 zhifang-handler，您好'));
    await page.goto(`${stack.console.url}/#/rectifications/${reviewId}/show`);
    await visible(page.getByTestId('rectification-error').filter({ hasText: '无权查看其他镇街的差评' }));
    await expect(page.getByText('窗口人员态度生硬').count()).resolves.toBe(0);
    await stack.screenshot(page, '16-other-hall-refused');
  }, 90_000);

  it('lets the county run 立即核对 under 超期督办 and shows the drifted case repaired', async () => {
    const reviewId = await stack.badReview('窗口人员不在岗');
    // Behind the application's back: the case's list row names a handler the workflow never assigned.
    await stack.cases.prisma.rectificationCase.update({ where: { reviewId }, data: { assigneeName: '别人' } });
    const page = await stack.deskPage();
    await signIn(page, 'county', TEST_PASSWORD);
    await page.getByRole('menuitem', { name: '超期督办' }).click();
    const panel = page.getByTestId('reconciliation-panel');
    await panel.getByRole('button', { name: '立即核对' }).click();
    // The list follows the run while it goes; a finished run that found drift opens to its cases.
    const run = panel.getByTestId('reconciliation-runs').getByRole('row').filter({ hasText: '立即核对（测试 county）' }).filter({ hasText: '已完成' });
    await visible(run);
    await run.click();
    const { trackingCode } = await stack.cases.prisma.review.findUniqueOrThrow({ where: { id: reviewId } });
    // The drifted case is named as a person knows it: by its tracking code (linking to the case), not by its id.
    await visible(panel.getByTestId('reconciliation-drifts').getByRole('row').filter({ hasText: trackingCode }).filter({ hasText: '经办人姓名' }).filter({ hasText: '已修复' }));
    await stack.screenshot(page, '17-reconciliation');
    expect((await stack.cases.prisma.rectificationCase.findUniqueOrThrow({ where: { reviewId } })).assigneeName).toBeNull();
    // N is the admins' to change, not the county's.
    await expect(panel.getByTestId('reconciliation-days').count()).resolves.toBe(0);

    const adminPage = await stack.deskPage();
    await signIn(adminPage, 'admin', TEST_PASSWORD);
    await adminPage.getByRole('menuitem', { name: '超期督办' }).click();
    const adminPanel = adminPage.getByTestId('reconciliation-panel');
    await adminPanel.getByTestId('reconciliation-days').fill('14');
    await adminPanel.getByRole('button', { name: '保存' }).click();
    await visible(adminPanel.getByText(/近 14 天办结案件/));
    await stack.screenshot(adminPage, '18-reconciliation-days');
  }, 120_000);
});
