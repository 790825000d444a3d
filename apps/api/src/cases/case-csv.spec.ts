import type { ApiErrorBody } from '../common/api-error';
import { DomainHttpException } from '../common/api-error';
import { csvInstant, parseCaseCsv } from './case-csv';

const HEADERS = '办件编号,事项编码,服务大厅编码,窗口编码,工作人员工号,申请人类型,申请人名称,联系电话,受理时间,办结时间,办理渠道';

describe('the CSV form of a case delivery', () => {
  it.each([
    ['2026-11-20 10:30', '2026-11-20T10:30:00+08:00'],
    ['2026-11-20 10:30:15', '2026-11-20T10:30:15+08:00'],
    ['2026/11/20 9:05', '2026-11-20T09:05:00+08:00'],
    ['2026/1/2 09:05', '2026-01-02T09:05:00+08:00'],
    ['2026-11-20T10:30:00+08:00', '2026-11-20T10:30:00+08:00'],
    ['2026-11-20T02:30:00Z', '2026-11-20T02:30:00Z'],
    // Left as written, for the row check to refuse with its message.
    ['20/11/2026 10:30', '20/11/2026 10:30'],
    ['2026-11-20', '2026-11-20'],
  ])('reads the time %s as %s', (written, instant) => {
    expect(csvInstant(written)).toBe(instant);
  });

  it('numbers lines as the file does: blank lines, CRLF and a quoted cell over two lines', () => {
    const csv = [`\uFEFF${HEADERS}`, 'A,RS-001', '', 'B,RS-001,,,,,"两行\r\n名称"', 'C,RS-001', ''].join('\r\n');
    expect(parseCaseCsv(Buffer.from(csv, 'utf8')).map(({ line, row }) => [line, row.caseNumber])).toEqual([
      [2, 'A'],
      [4, 'B'],
      [6, 'C'],
    ]);
  });

  it('maps the Chinese labels and leaves other values for the row check', () => {
    const [first, second] = parseCaseCsv(`${HEADERS}\nA,RS-001,jiaxiang,,,法人,某公司,,2026-11-20 10:30,,网上办事\nB,RS-001,jiaxiang,,,公司,某公司,,x,,ONLINE`);
    expect(first?.row).toEqual({
      caseNumber: 'A',
      serviceItemCode: 'RS-001',
      hallCode: 'jiaxiang',
      windowCode: undefined,
      staffEmployeeNumber: undefined,
      applicant: { kind: 'ORGANIZATION', name: '某公司', phone: undefined },
      receivedAt: '2026-11-20T10:30:00+08:00',
      completedAt: undefined,
      channel: 'ONLINE',
    });
    expect(second?.row).toMatchObject({ applicant: { kind: '公司' }, receivedAt: 'x', channel: 'ONLINE' });
  });

  it('takes the columns in any order and without the optional ones', () => {
    const [line] = parseCaseCsv('办理渠道,受理时间,申请人名称,申请人类型,服务大厅编码,事项编码,办件编号\n线下窗口,2026-11-20 10:30,张三,自然人,jintun,RS-001,A');
    expect(line?.row).toMatchObject({ caseNumber: 'A', hallCode: 'jintun', channel: 'WINDOW', applicant: { kind: 'PERSON', name: '张三' } });
  });

  it('flags a line with more cells than headers', () => {
    const [line] = parseCaseCsv(`${HEADERS}\nA,RS-001,jiaxiang,,,自然人,张三,,2026-11-20 10:30,,线下窗口,多余`);
    expect(line?.lineErrors).toEqual([{ field: '', message: expect.stringContaining('多余') as unknown }]);
  });

  it.each<[string, string | Uint8Array, string]>([
    ['GBK bytes', new Uint8Array([0xb0, 0xec, 0xbc, 0xfe, 0x0a]), 'CSV_INVALID'],
    ['a missing required column', '办件编号\nA', 'CSV_INVALID'],
    ['a repeated column', `${HEADERS},办件编号\nA`, 'CSV_INVALID'],
    ['no data', HEADERS, 'CSV_INVALID'],
    ['5,001 lines', `${HEADERS}\n${'A\n'.repeat(5001)}`, 'BATCH_TOO_LARGE'],
  ])('refuses %s as a whole', (_label, content, code) => {
    let failure: unknown;
    try {
      parseCaseCsv(content);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(DomainHttpException);
    expect(((failure as DomainHttpException).getResponse() as ApiErrorBody).code).toBe(code);
  });
});
