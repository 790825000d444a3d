import { describe, expect, it } from '@jest/globals';
import englishMessages from 'ra-language-english';
import zhCN from './zh-CN';

type Messages = { [key: string]: Messages | string | undefined };

/** Every leaf as [dotted key, message]. */
const leaves = (messages: Messages, prefix = ''): Array<[string, string]> =>
  Object.entries(messages).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') return [[path, value]];
    if (value === undefined) return [[path, '']];
    return leaves(value, path);
  });

const placeholders = (message: string): string[] =>
  [...new Set([...message.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]))].sort();

const english = new Map(leaves(englishMessages));
const chinese = new Map(leaves(zhCN));
const chineseRa = [...chinese].filter(([key]) => key.startsWith('ra.'));

// Variables react-admin passes that the English text happens not to use.
const extraVariables: Record<string, string[]> = {
  'ra.sort.sort_by': ['field'],
};

describe('zh-CN messages', () => {
  it('translate exactly the keys of ra-language-english, no more and no fewer', () => {
    expect(chineseRa.map(([key]) => key).sort()).toEqual([...english.keys()].sort());
  });

  it('add nothing at the top level besides react-admin, resources and the app namespace', () => {
    expect(Object.keys(zhCN).sort()).toEqual(['app', 'ra', 'resources']);
  });

  it('are all non-empty strings', () => {
    for (const [key, message] of chinese) {
      // ra.boolean.null is a deliberate single space in English too.
      expect({ key, empty: message.trim() === '' && key !== 'ra.boolean.null' }).toEqual({ key, empty: false });
    }
  });

  it('use only variables that react-admin passes for that key', () => {
    for (const [key, message] of chineseRa) {
      const allowed = new Set([...placeholders(english.get(key) ?? ''), ...(extraVariables[key] ?? [])]);
      const unknown = placeholders(message).filter((name) => !allowed.has(name));
      expect({ key, unknown }).toEqual({ key, unknown: [] });
    }
  });

  it('keep the count wherever English pluralises on it', () => {
    for (const [key, message] of chineseRa) {
      if (placeholders(english.get(key) ?? '').includes('smart_count')) {
        expect({ key, placeholders: placeholders(message) }).toEqual({
          key,
          placeholders: expect.arrayContaining(['smart_count']),
        });
      }
    }
  });

  it('never use a second plural form, which polyglot would not show for Chinese', () => {
    const withPluralForms = [...chinese].filter(([, message]) => message.includes('||||')).map(([key]) => key);
    expect(withPluralForms).toEqual([]);
  });
});
