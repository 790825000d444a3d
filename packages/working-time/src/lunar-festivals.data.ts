/**
 * Solar (Gregorian) dates of the festivals the statutory fallback needs, 2024–2035.
 *
 * A table rather than a lunar algorithm: twelve rows are easy to review, and the obvious runtime source,
 * ICU's Chinese calendar (Intl `ca-chinese`), is wrong by a day exactly where it matters: it puts 春节 2027
 * on 02-07 and 春节 2030 on 02-02, because those new moons fall minutes from Beijing midnight
 * (the Hong Kong Observatory tables give 2027-02-06 and 2030-02-03). Every other date below agrees with ICU;
 * 清明 agrees with the 寿星 formula [Y·0.2422 + 4.81] − [Y/4] for 21st-century years (checked in the spec).
 * Extend the table (and the spec) before LUNAR_TABLE_LAST_YEAR is reached.
 */
export interface LunarFestivalDates {
  /** 春节, 正月初一; 除夕 is the day before. */
  readonly springFestival: string;
  /** 清明 solar term. */
  readonly qingming: string;
  /** 端午节, 五月初五. */
  readonly dragonBoat: string;
  /** 中秋节, 八月十五. */
  readonly midAutumn: string;
}

export const LUNAR_FESTIVAL_DATES: Readonly<Partial<Record<number, LunarFestivalDates>>> = Object.freeze({
  2024: { springFestival: '2024-02-10', qingming: '2024-04-04', dragonBoat: '2024-06-10', midAutumn: '2024-09-17' },
  2025: { springFestival: '2025-01-29', qingming: '2025-04-04', dragonBoat: '2025-05-31', midAutumn: '2025-10-06' },
  2026: { springFestival: '2026-02-17', qingming: '2026-04-05', dragonBoat: '2026-06-19', midAutumn: '2026-09-25' },
  2027: { springFestival: '2027-02-06', qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { springFestival: '2028-01-26', qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
  2029: { springFestival: '2029-02-13', qingming: '2029-04-04', dragonBoat: '2029-06-16', midAutumn: '2029-09-22' },
  2030: { springFestival: '2030-02-03', qingming: '2030-04-05', dragonBoat: '2030-06-05', midAutumn: '2030-09-12' },
  2031: { springFestival: '2031-01-23', qingming: '2031-04-05', dragonBoat: '2031-06-24', midAutumn: '2031-10-01' },
  2032: { springFestival: '2032-02-11', qingming: '2032-04-04', dragonBoat: '2032-06-12', midAutumn: '2032-09-19' },
  2033: { springFestival: '2033-01-31', qingming: '2033-04-04', dragonBoat: '2033-06-01', midAutumn: '2033-09-08' },
  2034: { springFestival: '2034-02-19', qingming: '2034-04-05', dragonBoat: '2034-06-20', midAutumn: '2034-09-27' },
  2035: { springFestival: '2035-02-08', qingming: '2035-04-05', dragonBoat: '2035-06-10', midAutumn: '2035-09-16' },
});

export const LUNAR_TABLE_FIRST_YEAR = 2024;
export const LUNAR_TABLE_LAST_YEAR = 2035;
