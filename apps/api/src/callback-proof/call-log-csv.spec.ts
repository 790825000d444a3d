import { parseCallLogCsv, parseDuration } from './call-log-csv';

describe('a call log read from CSV', () => {
  it('reads the calls, local times as Beijing time, durations in seconds or minutes:seconds', () => {
    const { calls, badLines } = parseCallLogCsv(
      '\uFEFF通话时间,通话时长,被叫号码,分机\r\n2026-03-09 10:15:00,95,138 1234 5678,8001\r\n2026/3/9 10:20,1:05,+86-13912345678,8002\r\n',
    );
    expect(badLines).toEqual([]);
    expect(calls).toEqual([
      { line: 2, calledAt: new Date('2026-03-09T02:15:00Z'), durationSeconds: 95, number: '138 1234 5678' },
      { line: 3, calledAt: new Date('2026-03-09T02:20:00Z'), durationSeconds: 65, number: '+86-13912345678' },
    ]);
  });

  it('knows the columns by their English names too, in any order', () => {
    const { calls } = parseCallLogCsv('number,time,duration\n13812345678,2026-03-09T10:15:00+08:00,0\n');
    expect(calls).toEqual([{ line: 2, calledAt: new Date('2026-03-09T02:15:00Z'), durationSeconds: 0, number: '13812345678' }]);
  });

  it('lists each bad line with its reasons and keeps the good ones, never repeating a number', () => {
    const { calls, badLines } = parseCallLogCsv(
      [
        '通话时间,通话时长,被叫号码',
        '昨天上午,95,13812345678',
        '2026-03-09 10:15:00,九十五,13812345678',
        '2026-03-09 10:15:00,95,1381234abcd',
        ',,',
        '2026-03-09 10:16:00,95,13812345678',
      ].join('\n'),
    );
    expect(calls.map((call) => call.line)).toEqual([6]);
    expect(badLines).toEqual([
      { line: 2, reason: '通话时间“昨天上午”不是有效的时间（例如 2026-11-20 10:30:00）' },
      { line: 3, reason: '通话时长“九十五”无效（秒数，或 分:秒）' },
      { line: 4, reason: '被叫号码不是有效的电话号码' },
      { line: 5, reason: '通话时间为空；通话时长为空；被叫号码为空' },
    ]);
    expect(JSON.stringify(badLines)).not.toContain('1381234');
  });

  it.each([
    ['', '文件是空的'],
    ['通话时间,通话时长\n2026-03-09 10:15:00,95\n', '表头缺少列：被叫号码'],
    ['通话时间,通话时长,被叫号码\n', '文件只有表头'],
  ])('refuses a file that is no call log (%j)', (csv, message) => {
    expect(() => parseCallLogCsv(csv)).toThrow(
      expect.objectContaining({ response: expect.objectContaining({ chineseMessage: expect.stringContaining(message) as unknown }) as unknown }) as Error,
    );
  });

  it('refuses a file that is not UTF-8', () => {
    expect(() => parseCallLogCsv(Uint8Array.from([0xcd, 0xa8, 0xbb, 0xb0]))).toThrow(
      expect.objectContaining({ response: expect.objectContaining({ code: 'CSV_INVALID' }) as unknown }) as Error,
    );
  });

  it.each([
    ['95', 95],
    ['0', 0],
    ['1:05', 65],
    ['0:01:35', 95],
    ['1:60', null],
    ['-3', null],
    ['95s', null],
  ])('reads the duration %j as %j seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });
});
