import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startUpstreamSimulator, type SimulatorStats, type UpstreamSimulator } from '@haochaping/upstream-sim';
import { exchangeToSimulator, REVIEW_WITHOUT_OUTBOX_ROW, simulatorControl } from '../../api/test/helpers/exchange-upstream';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 上报管理 (issue 15) at 1280×800 in Chromium against the real API, worker (delivering to the upstream simulator, a
 * real HTTP server), PostgreSQL and Temporal: the county supervisor sees the queue's figures, a review the upstream
 * refused listed as a dead letter with its error and attempts, and after 立即核对 the hall-days the upstream lacks a
 * review of (the dead letter's, and one whose review never got its outbox row); once the upstream accepts again, 重新上报 delivers both and the next check finds no difference. A town's
 * handler has no 上报管理 in the menu.
 */
const APP_KEY = 'browser-upstream-key';
let stack: ConsoleStack;
let simulator: UpstreamSimulator;
let refused: string;
let handMade: string;

let control: ReturnType<typeof simulatorControl>;

const review = async (hallCode: string, body: Record<string, unknown> = {}) => {
  const response = await fetch(`${stack.api.baseUrl}/public/reviews`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hallCode, level: 5, clientKey: randomUUID(), ...body }),
  });
  if (response.status !== 201) throw new Error(`the review was not recorded: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
};

const statusOf = async (recordId: string) => (await stack.cases.prisma.exchangeDelivery.findUnique({ where: { recordId }, select: { status: true } }))?.status;

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

beforeAll(async () => {
  simulator = await startUpstreamSimulator({ appKey: APP_KEY });
  stack = await startConsoleStack(
    [
      { username: 'county', role: 'COUNTY_SUPERVISOR' },
      { username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'] },
    ],
    { exchange: () => exchangeToSimulator(simulator, APP_KEY) },
  );
  control = simulatorControl(simulator);
  // The upstream refuses records carrying a text (评价内容): the commented review becomes a dead letter.
  await control('PUT', '/_control/fault', { mode: 'refuse-field', field: 'text' });
  const delivered = [await review('jintun'), await review('zhifang')];
  refused = await review('jintun', { comment: '办事很快，工作人员热情' });
  await until('the plain reviews delivered and the commented one dead', async () => (await statusOf(delivered[0] ?? '')) === 'DELIVERED' && (await statusOf(delivered[1] ?? '')) === 'DELIVERED' && (await statusOf(refused)) === 'DEAD');
  // A review written behind the intake's back (as the demo seed writes them): no outbox row, so never sent upward.
  const rows = await stack.cases.prisma.$queryRawUnsafe<Array<{ id: string }>>(REVIEW_WITHOUT_OUTBOX_ROW, delivered[1]);
  handMade = rows[0]?.id ?? '';
}, 240_000);

afterAll(async () => {
  await stack?.close();
  await simulator?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'exchange-failed');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('上报管理', () => {
  it('shows the county a dead letter and a count difference, and re-sends both until nothing differs', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county');
    await page.getByRole('menuitem', { name: '上报管理' }).click();

    // The figures and the dead letter with its error and attempts.
    await visible(page.getByTestId('exchange-dead').getByText('1', { exact: true }));
    await expect(page.getByTestId('exchange-delivered-today').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('exchange-pending').textContent()).resolves.toBe('0');
    const deadLetter = page.getByTestId('exchange-dead-letter');
    await visible(deadLetter.getByText('FIELD_REFUSED: field text is not accepted'));
    await expect(deadLetter.count()).resolves.toBe(1);
    await expect(deadLetter.getByRole('cell').nth(3).textContent()).resolves.toBe('2');
    // Named by the review's tracking code, not by an id.
    const dead = await stack.cases.prisma.exchangeDelivery.findFirstOrThrow({ where: { status: 'DEAD' }, select: { reviewId: true } });
    const { trackingCode } = await stack.cases.prisma.review.findUniqueOrThrow({ where: { id: dead.reviewId } });
    await expect(deadLetter.getByRole('cell').first().textContent()).resolves.toBe(trackingCode);
    await visible(page.getByText('尚未核对'));
    await stack.screenshot(page, 'exchange-01-dead-letter');

    // 立即核对: each hall has one review of today more than upstream — 金屯镇 the dead letter, 纸坊镇 the one never sent.
    await page.getByTestId('exchange-run').click();
    await visible(page.getByText('核对完成：发现 2 项差异'));
    // The list refetches after the run's answer: wait for its second row before counting.
    await visible(page.getByTestId('exchange-difference').nth(1));
    await expect(page.getByTestId('exchange-difference').count()).resolves.toBe(2);
    const difference = page.getByTestId('exchange-difference').filter({ hasText: '纸坊镇' });
    await visible(difference);
    await expect(difference.getByRole('cell').nth(3).textContent()).resolves.toBe('2');
    await expect(difference.getByRole('cell').nth(4).textContent()).resolves.toBe('1');
    await expect(difference.getByRole('cell').nth(5).textContent()).resolves.toBe('+1');
    await stack.screenshot(page, 'exchange-02-difference');

    // The upstream accepts texts again: the dead letter and the hall-day are re-sent from the screen.
    await control('DELETE', '/_control/fault');
    await deadLetter.getByRole('button', { name: '重新上报', exact: true }).click();
    await visible(page.getByText('已重新排入上报队列：1 条'));
    await visible(page.getByText('没有上报失败的记录'));
    await difference.getByRole('button', { name: '重新上报', exact: true }).click();
    await visible(page.getByText('已重新排入上报队列：2 条'));
    await until('the re-sent records delivered', async () => (await statusOf(refused)) === 'DELIVERED' && (await statusOf(handMade)) === 'DELIVERED');
    await visible(difference.getByText(/已于 .* 重新上报/));
    await stack.screenshot(page, 'exchange-03-resent');

    await page.getByTestId('exchange-run').click();
    await visible(page.getByText('核对完成：发现 0 项差异'));
    await visible(page.getByText('两边数据条数一致，没有差异'));
    await visible(page.getByTestId('exchange-delivered-today').getByText('4', { exact: true }));
    await stack.screenshot(page, 'exchange-04-no-difference');

    // Each record stored upstream once: the re-sent ones too, the resent plain one answered "already exists".
    const stats = (await control('GET', '/_control/stats')) as SimulatorStats;
    expect(stats.stored.REVIEW).toBe(4);
    expect(stats.deliveriesById[refused]).toBe(1);
    expect(stats.deliveriesById[handMade]).toBe(1);
  });

  it('is not in a town handler’s menu', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'jintun-handler');
    await visible(page.getByRole('menuitem', { name: '评价记录' }));
    await expect(page.getByRole('menuitem', { name: '上报管理' }).count()).resolves.toBe(0);
  });
});
