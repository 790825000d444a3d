import { parseHolidayNotice } from './holiday-notice.parser';

/** An asymmetric matcher typed as what it stands for. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

/** A whole year's notice in the State Council's layout, as an admin would type it. */
const NOTICE_2026 = `# 国务院办公厅关于2026年部分节假日安排的通知
2026-01-01~2026-01-03 休 元旦
2026-01-04 班
2026-02-15~2026-02-23 休 春节
2026-02-14 班
2026-02-28 班
2026-04-04~2026-04-06 休 清明节
2026-05-01~2026-05-05 休 劳动节
2026-05-09 班
2026-06-19~2026-06-21 休 端午节
2026-09-25~2026-09-27 休 中秋节
2026-09-20 班
2026-10-01~2026-10-07 休 国庆节
2026-10-10 班
`;

describe('parseHolidayNotice', () => {
  it('reads ranges of days off and single make-up working days, sorted and without repeats', () => {
    const parsed = parseHolidayNotice(NOTICE_2026, 2026);
    expect(parsed.errors).toEqual([]);
    expect(parsed.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(parsed.holidays.slice(0, 4)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15']);
    expect(parsed.makeUpWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(parsed.spans[0]).toEqual({ line: 2, from: '2026-01-01', to: '2026-01-03', kind: 'HOLIDAY', label: '元旦' });
    expect(parsed.warnings).toEqual([]);
  });

  it.each([
    ['spreadsheet rows with a header', '日期,结束,类型\n2027-01-01,2027-01-03,休,元旦\n2027-02-07,班'],
    ['Chinese separators and words', '2027-01-01 至 2027-01-03 放假\n2027-02-07 上班'],
    ['slashes and a full-width tilde', '2027/1/1～2027/1/3 休\n2027/2/7 补班'],
  ])('takes %s', (_name, text) => {
    const parsed = parseHolidayNotice(text, 2027);
    expect(parsed.errors).toEqual([]);
    expect(parsed.holidays).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(parsed.makeUpWorkdays).toEqual(['2027-02-07']);
  });

  it.each([
    ['a line it cannot read', '元旦放三天', /无法识别/],
    ['a day that does not exist', '2027-02-30 休', /日期不存在/],
    ['a range ending before it starts', '2027-01-03~2027-01-01 休', /结束日期早于开始日期/],
    ['a day of another year', '2026-12-31~2027-01-02 休', /须在 2027 年内/],
    ['a make-up day on a weekday', '2027-02-08 班', /不是周六或周日/],
    ['a span longer than a notice gives', '2027-01-01~2027-01-31 休', /最多 15 天/],
  ])('refuses %s, naming the line', (_name, line, message) => {
    const parsed = parseHolidayNotice(`2027-10-01~2027-10-07 休\n${line}`, 2027);
    expect(parsed.errors).toEqual([{ line: 2, text: line, message: matching(message) }]);
  });

  it('refuses a day listed both off and on', () => {
    const parsed = parseHolidayNotice('2027-02-06~2027-02-08 休\n2027-02-07 班', 2027);
    expect(parsed.errors).toEqual([{ line: 2, text: '2027-02-07 班', message: '2027-02-07 在第 1 行已列为放假' }]);
  });

  it('refuses a notice without a day off', () => {
    expect(parseHolidayNotice('# nothing yet\n\n', 2027).errors).toEqual([{ line: 0, text: '', message: '通知中没有任何放假日期' }]);
  });

  it('warns about a statutory holiday on a weekday that the notice leaves out', () => {
    // 2027-05-03 is a Monday; 劳动节 has 1–2 May by law, 2027-05-01 is a Saturday.
    const parsed = parseHolidayNotice('2027-01-01 休', 2027);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.some((warning) => warning.includes('2027-10-01'))).toBe(true);
  });
});
