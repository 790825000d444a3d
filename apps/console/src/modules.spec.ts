import { describe, expect, it } from '@jest/globals';
import { accessRules, moduleProblems, registeredModules, type ConsoleModule } from './console-module';
import zhCN from './i18n/zh-CN';
import { mergeMessages } from './i18n/module-messages';
import { MODULES } from './modules';

const reviews: ConsoleModule = {
  name: 'reviews',
  resources: ['reviews'],
  access: { reviews: { readers: ['ADMIN'] } },
  messages: { resources: { reviews: { name: '评价记录' } } },
};
const notices: ConsoleModule = {
  name: 'notices',
  resources: ['notices'],
  access: { notices: { readers: ['ADMIN'] } },
  messages: { resources: { notices: { name: '通知' } } },
};

describe('the console’s module list (src/modules.ts)', () => {
  it('has every module’s resources with an access rule and a zh-CN name', () => {
    expect(moduleProblems(MODULES, zhCN)).toEqual([]);
  });

  it('mounts each resource once across all modules', () => {
    const resources = MODULES.flatMap((module: ConsoleModule) => module.resources ?? []);
    expect(resources.length).toBeGreaterThan(0);
    expect(new Set(resources).size).toBe(resources.length);
  });
});

describe('registering modules', () => {
  it.each<[string, () => unknown, string]>([
    ['the same module twice', () => registeredModules([reviews, notices, reviews]), 'console module "reviews" is registered twice'],
    ['two modules under one name', () => registeredModules([reviews, { ...notices, name: 'reviews' }]), 'console module "reviews" is registered twice'],
    [
      'two modules declaring access to one resource',
      () => accessRules([reviews, { name: 'other', access: { reviews: { readers: ['HANDLER'] } } }]),
      'console access for "reviews" is declared twice',
    ],
    [
      'two modules defining one message',
      () => mergeMessages({}, [reviews.messages ?? {}, { resources: { reviews: { name: '评价' } } }]),
      'zh-CN message resources.reviews.name is defined twice',
    ],
  ])('refuses %s at load', (_case, register, message) => {
    expect(register).toThrow(message);
  });

  it('accepts distinct modules as given, in order', () => {
    expect(registeredModules([reviews, notices])).toEqual([reviews, notices]);
  });

  it.each<[string, ConsoleModule, string[]]>([
    ['a complete module', notices, []],
    ['a resource without an access rule', { ...notices, access: {} }, ['notices: resource "notices" has no access rule']],
    ['a resource without its name in the messages', { ...notices, messages: { resources: { notices: { fields: {} } } } }, ['notices: resource "notices" has no message resources.notices.name']],
    ['a module without resources (a page or the dashboard)', { name: 'dashboard', messages: { app: { dashboard: { title: '工作台' } } } }, []],
    [
      'a resource with neither',
      { name: 'notices', resources: ['notices'] },
      ['notices: resource "notices" has no access rule', 'notices: resource "notices" has no message resources.notices.name'],
    ],
  ])('finds what %s lacks', (_case, module, problems) => {
    expect(moduleProblems([module], mergeMessages({}, module.messages ? [module.messages] : []))).toEqual(problems);
  });
});
