import { matchedThemes, proposeRecurrences, recurrenceKey, type RecurrenceDecision, type RecurrenceReview, type RecurrenceSettings } from './recurrence.rule';

const NOW = new Date('2026-12-07T10:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SETTINGS: RecurrenceSettings = { minCount: 3, periodDays: 30, themes: [{ label: '排队等候', keywords: ['排队', '等候'] }] };

let serial = 0;
/** A bad review of 金屯镇 / RS-001 with reason B3, `ago` milliseconds before NOW; anything overridden. */
const review = (ago: number, more: Partial<RecurrenceReview> = {}): RecurrenceReview => ({
  id: `r${String(++serial).padStart(3, '0')}`,
  hallCode: 'jintun',
  serviceItemCode: 'RS-001',
  level: 2,
  adopted: true,
  optionCodes: ['B3'],
  comment: null,
  createdAt: new Date(NOW.getTime() - ago),
  ...more,
});
const times = (n: number, make: (i: number) => RecurrenceReview) => Array.from({ length: n }, (_, i) => make(i));
const B3 = recurrenceKey('jintun', 'RS-001', 'OPTION', 'B3');
const summary = (reviews: RecurrenceReview[], settings = SETTINGS, decisions: RecurrenceDecision[] = []) =>
  proposeRecurrences(reviews, settings, decisions, NOW).map((proposal) => `${proposal.key}×${proposal.count}`);

describe('recurrence rule (优化清单: a reason recurring among bad reviews per hall and item, at or above the count in the period)', () => {
  it.each<[string, () => RecurrenceReview[], RecurrenceSettings, string[]]>([
    ['one below the count: no proposal', () => times(2, (i) => review(i * DAY)), SETTINGS, []],
    ['exactly the count: proposed', () => times(3, (i) => review(i * DAY)), SETTINGS, [`${B3}×3`]],
    ['above the count: proposed with every review', () => times(5, (i) => review(i * DAY)), SETTINGS, [`${B3}×5`]],
    ['a lower configured count applies', () => times(2, (i) => review(i * DAY)), { ...SETTINGS, minCount: 2 }, [`${B3}×2`]],
    ['a review exactly periodDays ago is outside (the start is excluded)', () => [review(30 * DAY), review(DAY), review(2 * DAY)], SETTINGS, []],
    ['a review one millisecond inside the period counts', () => [review(30 * DAY - 1), review(DAY), review(2 * DAY)], SETTINGS, [`${B3}×3`]],
    ['a review at now counts (the end is included)', () => [review(0), review(DAY), review(2 * DAY)], SETTINGS, [`${B3}×3`]],
    ['a review after now does not count', () => [review(-1), review(DAY), review(2 * DAY)], SETTINGS, []],
    ['a shorter configured period leaves older reviews out', () => [review(8 * DAY), review(DAY), review(2 * DAY)], { ...SETTINGS, periodDays: 7 }, []],
    ['level 3 (基本满意) is not a bad review', () => [review(DAY, { level: 3 }), review(2 * DAY), review(3 * DAY)], SETTINGS, []],
    ['level 1 counts as level 2 does', () => [review(DAY, { level: 1 }), review(2 * DAY), review(3 * DAY)], SETTINGS, [`${B3}×3`]],
    ['a review not adopted (不予采纳) does not count', () => [review(DAY, { adopted: false }), review(2 * DAY), review(3 * DAY)], SETTINGS, []],
    ['the same reason at two halls is two groups, each below the count', () => [review(DAY), review(2 * DAY), review(3 * DAY, { hallCode: 'zhifang' }), review(4 * DAY, { hallCode: 'zhifang' })], SETTINGS, []],
    [
      'the same reason for two items of one hall is counted per item',
      () => [...times(3, (i) => review(i * DAY)), ...times(2, (i) => review(i * DAY, { serviceItemCode: 'YB-002' }))],
      SETTINGS,
      [`${B3}×3`],
    ],
    ['reviews without an item form their own group', () => times(3, (i) => review(i * DAY, { serviceItemCode: null })), SETTINGS, ['jintun|-|OPTION:B3×3']],
    [
      'several halls and reasons: each recurring one, most reviews first',
      () => [
        ...times(4, (i) => review(i * DAY, { hallCode: 'zhifang', optionCodes: ['A1', 'B3'] })),
        ...times(3, (i) => review(i * DAY, { optionCodes: ['C1'] })),
        review(DAY, { optionCodes: ['A1'] }),
      ],
      SETTINGS,
      ['zhifang|RS-001|OPTION:A1×4', 'zhifang|RS-001|OPTION:B3×4', 'jintun|RS-001|OPTION:C1×3'],
    ],
    ['a code chosen twice in one review counts once', () => [review(DAY, { optionCodes: ['B3', 'B3'] }), review(2 * DAY)], SETTINGS, []],
    [
      'a free-text theme recurs by its keywords, each review once',
      () => [review(DAY, { optionCodes: [], comment: '排队排了很久，等候两小时' }), review(2 * DAY, { optionCodes: [], comment: '又在排队' }), review(3 * DAY, { optionCodes: [], comment: '等候时间太长' })],
      SETTINGS,
      ['jintun|RS-001|THEME:排队等候×3'],
    ],
    ['a comment without a keyword is no theme', () => times(3, (i) => review(i * DAY, { optionCodes: [], comment: '工作人员很好' })), SETTINGS, []],
  ])('%s', (_name, reviews, settings, expected) => {
    expect(summary(reviews(), settings)).toEqual(expected);
  });

  describe('idempotence: what was decided is not proposed again', () => {
    const three = () => times(3, (i) => review((i + 1) * DAY));

    it('a key with an open item is not proposed, however many reviews recur', () => {
      expect(summary([...three(), ...three()], SETTINGS, [{ key: B3, open: true, decidedAt: null }])).toEqual([]);
    });

    it('after a dismissal or a completion only later reviews count: the same reviews never make the proposal again', () => {
      const decidedAt = new Date(NOW.getTime() - 12 * HOUR);
      expect(summary(three(), SETTINGS, [{ key: B3, open: false, decidedAt }])).toEqual([]);
      const later = times(3, (i) => review(i * HOUR));
      const proposals = proposeRecurrences([...three(), ...later], SETTINGS, [{ key: B3, open: false, decidedAt }], NOW);
      expect(proposals.map((proposal) => proposal.reviewIds)).toEqual([later.map((r) => r.id).reverse()]);
    });

    it('a review at the very moment of the decision belongs to the decision', () => {
      const decidedAt = new Date(NOW.getTime() - HOUR);
      expect(summary([review(HOUR), review(0), review(0)], SETTINGS, [{ key: B3, open: false, decidedAt }])).toEqual([]);
    });

    it('a decision on one key leaves other keys alone', () => {
      expect(summary(times(3, (i) => review(i * DAY, { optionCodes: ['B3', 'A1'] })), SETTINGS, [{ key: B3, open: true, decidedAt: null }])).toEqual(['jintun|RS-001|OPTION:A1×3']);
    });
  });

  it('lists the reviews oldest first with the first and last moments', () => {
    const reviews = [review(DAY), review(3 * DAY), review(2 * DAY)];
    const [proposal] = proposeRecurrences(reviews, SETTINGS, [], NOW);
    expect(proposal?.reviewIds).toEqual([reviews[1]?.id, reviews[2]?.id, reviews[0]?.id]);
    expect(proposal?.firstAt).toEqual(reviews[1]?.createdAt);
    expect(proposal?.lastAt).toEqual(reviews[0]?.createdAt);
  });

  it.each<[string | null, string[]]>([
    ['排队两小时', ['排队等候']],
    ['等候', ['排队等候']],
    ['PAIDUI', []],
    ['', []],
    [null, []],
  ])('theme of the comment %p: %p', (comment, themes) => {
    expect(matchedThemes(comment, SETTINGS.themes)).toEqual(themes);
  });

  it('matches keywords regardless of letter case, and ignores blank keywords', () => {
    expect(matchedThemes('APP 闪退', [{ label: '系统', keywords: ['app'] }, { label: '空', keywords: [' '] }])).toEqual(['系统']);
  });
});
