import { generateTemporaryPassword, hashPassword, meetsPasswordPolicy, verifyPassword } from './password';

describe('passwords', () => {
  it.each([
    ['Haochaping2026', true],
    ['abcdefghi1', true],
    ['1234567890a', true],
    ['长密码也可以包含中文abc123', true],
    ['abcdefgh1', false], // 9 characters
    ['abcdefghijkl', false], // no digit
    ['123456789012', false], // no letter
    ['中文密码一二三四五六七八', false],
    [`a1${'x'.repeat(127)}`, false], // longer than 128
  ])('policy: %j → %s', (password, ok) => {
    expect(meetsPasswordPolicy(password)).toBe(ok);
  });

  it('hashes with argon2id and verifies; a wrong password or a broken hash is false, never a throw', async () => {
    const stored = await hashPassword('Haochaping2026');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'Haochaping2026')).toBe(true);
    expect(await verifyPassword(stored, 'haochaping2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'Haochaping2026')).toBe(false);
  });

  it('generates temporary passwords that meet the policy and differ', () => {
    const generated = Array.from({ length: 200 }, generateTemporaryPassword);
    generated.forEach((password) => {
      expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
      expect(meetsPasswordPolicy(password)).toBe(true);
      expect(password).not.toMatch(/[IlO01]/);
    });
    expect(new Set(generated).size).toBe(200);
  });
});
