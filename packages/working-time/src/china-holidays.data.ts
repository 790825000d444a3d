import type { YearCalendar } from './types';

// The State Council's holiday schedules, shipped so a fresh install counts correctly for these years.
// Admins enter later years (the notice comes out each November or December) as YearCalendar data;
// until then statutory-fallback.ts stands in and marks the year provisional.
// Every day of each holiday span is listed, weekends included, so the list reads like the notice.

/** 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）. */
export const CHINA_HOLIDAYS_2025: YearCalendar = Object.freeze({
  year: 2025,
  source: 'official',
  notice: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  holidays: Object.freeze([
    // 元旦
    '2025-01-01',
    // 春节 1/28（除夕）–2/4
    '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    // 清明节
    '2025-04-04', '2025-04-05', '2025-04-06',
    // 劳动节
    '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
    // 端午节
    '2025-05-31', '2025-06-01', '2025-06-02',
    // 国庆节、中秋节
    '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
  ]),
  makeUpWorkdays: Object.freeze([
    '2025-01-26', // 周日，春节
    '2025-02-08', // 周六，春节
    '2025-04-27', // 周日，劳动节
    '2025-09-28', // 周日，国庆节
    '2025-10-11', // 周六，国庆节
  ]),
});

/**
 * 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）, as we recall it and as
 * several independent public transcriptions agree: 元旦 1/1–1/3 (1/4 Sun on); 春节 2/15–2/23 (2/14 Sat and
 * 2/28 Sat on); 清明 4/4–4/6; 劳动节 5/1–5/5 (5/9 Sat on); 端午 6/19–6/21; 中秋 9/25–9/27;
 * 国庆 10/1–10/7 (9/20 Sun and 10/10 Sat on). Check against gov.cn when entering it in production.
 */
export const CHINA_HOLIDAYS_2026: YearCalendar = Object.freeze({
  year: 2026,
  source: 'official',
  notice: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
  holidays: Object.freeze([
    // 元旦
    '2026-01-01', '2026-01-02', '2026-01-03',
    // 春节 2/15（腊月二十八）–2/23（正月初七）
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
    '2026-02-23',
    // 清明节
    '2026-04-04', '2026-04-05', '2026-04-06',
    // 劳动节
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    // 端午节
    '2026-06-19', '2026-06-20', '2026-06-21',
    // 中秋节
    '2026-09-25', '2026-09-26', '2026-09-27',
    // 国庆节
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ]),
  makeUpWorkdays: Object.freeze([
    '2026-01-04', // 周日，元旦
    '2026-02-14', // 周六，春节
    '2026-02-28', // 周六，春节
    '2026-05-09', // 周六，劳动节
    '2026-09-20', // 周日，国庆节
    '2026-10-10', // 周六，国庆节
  ]),
});

/** The official years this package ships, oldest first. */
export const CHINA_OFFICIAL_YEAR_CALENDARS: readonly YearCalendar[] = Object.freeze([CHINA_HOLIDAYS_2025, CHINA_HOLIDAYS_2026]);
