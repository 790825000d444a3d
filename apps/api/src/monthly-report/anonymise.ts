/**
 * What the monthly 通报 prints of free text (issue 14: typical cases and the 不予采纳 list, anonymised). The report
 * never carries the reviewer's own words (the review's comment) nor their name or phone; it carries what staff wrote
 * (rectification measures and result, the county's reason for 不予采纳), and staff may have named the reviewer there.
 * So every such text goes through `anonymise`:
 *
 * - the reviewer's name, where the case knows it, becomes surname + 某 (张三 → 张某), and a two-or-more-character
 *   given name alone becomes 某 (王小明 → 王某; 小明 → 某);
 * - every run of five or more digits (phones, ID card and case numbers; spaces and hyphens inside a run count as part
 *   of it; full-width digits too) and every run of four digits not followed by 年 (尾号5678, but not 2026年) becomes
 *   ＊ for each character.
 *
 * Names the case does not know (a neighbour, a relative) cannot be found by rule and are not masked: the report's
 * readers are told the texts are staff's wording.
 */
const DIGIT = '[0-9０-９]';
const DIGIT_RUN = new RegExp(`${DIGIT}(?:[\\s-]*${DIGIT})+`, 'g');
const digitsIn = (run: string) => run.replace(/[^0-9０-９]/g, '').length;

export function anonymise(text: string, knownNames: readonly string[] = []): string {
  let masked = text;
  for (const name of knownNames.map((value) => value.trim()).filter((value) => value.length >= 2).sort((a, b) => b.length - a.length)) {
    masked = masked.split(name).join(`${name[0]}某`);
    const given = name.slice(1);
    if (given.length >= 2) masked = masked.split(given).join('某');
  }
  return masked.replace(DIGIT_RUN, (run, offset: number, whole: string) => {
    const digits = digitsIn(run);
    const isYear = digits === 4 && whole[offset + run.length] === '年';
    return digits >= 5 || (digits === 4 && !isYear) ? '＊'.repeat(run.length) : run;
  });
}
