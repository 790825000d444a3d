import polyglotI18nProvider from 'ra-i18n-polyglot';
import zhCN from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

// One locale: with a single entry react-admin shows no language switcher.
export const i18nProvider = polyglotI18nProvider(() => zhCN, DEFAULT_LOCALE, [
  { locale: DEFAULT_LOCALE, name: '简体中文' },
]);
