// The option-set form's rules, as the API applies them (apps/api/src/admin/option-sets.service.ts), so a mistake is
// shown next to its input before anything is sent. Keys are i18n keys (app.rules.option_sets.errors.*).

export const CATEGORY_IDS = ['IMMEDIATE', 'TIME_LIMITED', 'COORDINATED'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];
export const MAX_OPTIONS = 10;

export interface OptionValues {
  code?: string;
  label?: string;
  suggestedCategory?: string;
}

export interface OptionSetValues {
  nature?: string;
  options?: OptionValues[];
}

/** What the API takes: trimmed, codes in capitals, only the three fields of each option. */
export function optionSetBody(values: OptionSetValues): { nature: string; options: Array<{ code: string; label: string; suggestedCategory: string }> } {
  return {
    nature: values.nature ?? '',
    options: (values.options ?? []).map((option) => ({
      code: (option.code ?? '').trim().toUpperCase(),
      label: (option.label ?? '').trim(),
      suggestedCategory: option.suggestedCategory ?? '',
    })),
  };
}

/** Errors by react-admin field path (`options.2.code`), or {} when the set can be sent. */
export function validateOptionSet(values: OptionSetValues): Record<string, string> {
  const body = optionSetBody(values);
  const errors: Record<string, string> = {};
  if (!body.nature) errors.nature = 'ra.validation.required';
  if (body.options.length === 0) errors.options = 'app.rules.option_sets.errors.none';
  if (body.options.length > MAX_OPTIONS) errors.options = 'app.rules.option_sets.errors.too_many';
  const codes = new Set<string>();
  const labels = new Set<string>();
  const groups = new Map<string, string>();
  body.options.forEach((option, index) => {
    const at = `options.${index}`;
    if (!/^[A-Z][1-9]$/.test(option.code)) errors[`${at}.code`] = 'app.rules.option_sets.errors.code';
    else if (codes.has(option.code)) errors[`${at}.code`] = 'app.rules.option_sets.errors.code_twice';
    codes.add(option.code);
    if (!option.label) errors[`${at}.label`] = 'ra.validation.required';
    else if (option.label.length > 30) errors[`${at}.label`] = 'app.rules.option_sets.errors.label_long';
    else if (labels.has(option.label)) errors[`${at}.label`] = 'app.rules.option_sets.errors.label_twice';
    labels.add(option.label);
    if (!(CATEGORY_IDS as readonly string[]).includes(option.suggestedCategory)) errors[`${at}.suggestedCategory`] = 'ra.validation.required';
    else {
      const group = option.code.slice(0, 1);
      const first = groups.get(group);
      if (first === undefined) groups.set(group, option.suggestedCategory);
      else if (first !== option.suggestedCategory) errors[`${at}.suggestedCategory`] = 'app.rules.option_sets.errors.group_category';
    }
  });
  return errors;
}

/** The form of a new version, started from the version shown (the admin edits a copy; the original never changes). */
export function newVersionFrom(version: { nature: string; options: ReadonlyArray<{ code: string; label: string; suggestedCategory: string }> }): OptionSetValues {
  return { nature: version.nature, options: version.options.map(({ code, label, suggestedCategory }) => ({ code, label, suggestedCategory })) };
}
