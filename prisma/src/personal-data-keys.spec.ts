import { Prisma } from '@prisma/client';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { describeKeyCounts, ENCRYPTED_COLUMNS, missingKeys, type KeyCount } from './personal-data-keys';

describe('the encrypted columns the key rotation covers', () => {
  it('are exactly the schema’s ciphertext columns (the …Enc fields), each table with its column id (which orders the batches)', () => {
    const inSchema = Prisma.dmmf.datamodel.models.flatMap((model) =>
      model.fields.filter((field) => field.kind === 'scalar' && field.name.endsWith('Enc')).map((field) => `${model.dbName ?? model.name}.${field.dbName ?? field.name}`),
    );
    const covered = ENCRYPTED_COLUMNS.flatMap(({ table, columns }) => columns.map((column) => `${table}.${column}`));
    expect(covered.sort()).toEqual(inSchema.sort());
    for (const { table } of ENCRYPTED_COLUMNS) {
      const model = Prisma.dmmf.datamodel.models.find((candidate) => (candidate.dbName ?? candidate.name) === table);
      expect(model?.fields.find((field) => field.name === 'id')?.dbName ?? 'id').toBe('id');
      expect(model?.fields.find((field) => field.name === 'id')).toBeDefined();
    }
  });
});

describe('the key census', () => {
  const counts: KeyCount[] = [
    { table: 'review', column: 'reviewer_phone_enc', keyId: 'legacy', values: 3 },
    { table: 'review', column: 'reviewer_phone_enc', keyId: 'b', values: 5 },
    { table: 'app_user', column: 'phone_enc', keyId: 'old', values: 2 },
    { table: 'app_user', column: 'phone_enc', keyId: null, values: 1 },
  ];

  it('finds the values under a key the ring lacks (not the unreadable ones: no key would help them)', () => {
    expect(missingKeys(counts, new DataProtector(parseDataKey(TEST_DATA_KEY)))).toEqual([counts[1], counts[2]]);
  });

  it.each<[string, KeyCount[], string, RegExp]>([
    ['nothing stored', [], 'b', /^没有加密的个人信息。$/],
    ['everything on the active key', [counts[1]], 'b', /review\.reviewer_phone_enc\s+b\s+5 （当前密钥）\n全部在当前密钥 b 上。$/],
    ['values left on other keys', counts, 'b', /legacy\s+3 （待轮换）[\s\S]*\?\s+1 （无法识别的格式）\n尚有 6 个值不在当前密钥 b 上：legacy 3，old 2，\? 1。$/],
  ])('describes %s', (_label, given, active, expected) => {
    expect(describeKeyCounts(given, active)).toMatch(expected);
  });
});
