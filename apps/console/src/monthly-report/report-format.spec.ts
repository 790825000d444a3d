import { describe, expect, it } from '@jest/globals';
import { chineseDate, previousMonth, summarySentence } from './report-format';

describe('月度通报 wording', () => {
  it.each([
    ['2026-12-07', '2026-11'],
    ['2026-01-15', '2025-12'],
    ['2026-10', '2026-09'],
  ])('the month before %s is %s', (date, expected) => {
    expect(previousMonth(date)).toBe(expected);
  });

  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-11-05')).toBe('2026年11月5日');
  });

  it('opens with the month’s figures, — where there is nothing to divide', () => {
    const figures = { reviews: 11, notAdopted: 1, goodRate: 0.7, badRate: 0.3, realNameCallbackRate: 0.5, rectificationRate: 0.3333, onTimeRate: null } as never;
    expect(summarySentence('全县', '2026年11月', figures)).toBe(
      '2026年11月，全县共收到评价11条（其中不予采纳1条）；好评率70.0%，差评率30.0%；实名差评回访率50.0%，整改率33.3%，按时办结率—。现将有关情况通报如下：',
    );
    expect(summarySentence('金屯镇', '2026年11月', { reviews: 0 } as never)).toBe('2026年11月，金屯镇未收到评价。');
  });
});
