import type { ArgumentMetadata } from '@nestjs/common';
import { DomainHttpException } from './api-error';
import { createValidationPipe } from './validation.pipe';

/** The global pipe's first rule: no text PostgreSQL cannot store, in any body, query or path parameter. */
describe('the global validation pipe and text PostgreSQL cannot store', () => {
  const pipe = createValidationPipe();
  const body: ArgumentMetadata = { type: 'body' };
  const query: ArgumentMetadata = { type: 'query' };
  const param = (name: string): ArgumentMetadata => ({ type: 'param', data: name, metatype: String });

  /** The fields a refusal names, or 'accepted'. */
  async function outcome(value: unknown, metadata: ArgumentMetadata): Promise<string[] | 'accepted'> {
    try {
      await pipe.transform(value, metadata);
      return 'accepted';
    } catch (error) {
      if (!(error instanceof DomainHttpException)) throw error;
      expect(error.getStatus()).toBe(422);
      const response = error.getResponse() as { code: string; errors: Array<{ field: string; message: string }> };
      expect(response.code).toBe('VALIDATION_FAILED');
      return response.errors.map(({ field }) => field);
    }
  }

  // [what, value, where it came from, outcome]
  it.each<[string, unknown, ArgumentMetadata, string[] | 'accepted']>([
    ['NUL in a body field', { text: 'a\u0000b' }, body, ['text']],
    ['a lone high surrogate', { text: 'a\ud800' }, body, ['text']],
    ['a lone low surrogate', { text: '\udc00b' }, body, ['text']],
    ['a surrogate pair the wrong way round (two lone ones)', { text: '\ude00\ud83d' }, body, ['text']],
    ['NUL deep in a list of objects', { cases: [{ applicant: { name: '张三' } }, { applicant: { name: '\u0000' } }] }, body, ['cases.1.applicant.name']],
    ['NUL in a field name (named readably)', { ['x\u0000']: 1 }, body, ['x\ufffd']],
    ['NUL in a query parameter', { q: 'a\u0000' }, query, ['q']],
    ['NUL in one of a repeated query parameter', { code: ['a', 'b\u0000'] }, query, ['code.1']],
    ['NUL in a path parameter', 'a\u0000b', param('id'), ['id']],
    ['Chinese text, an emoji and a CJK Extension B character (surrogate pairs)', { text: '服务很好 👍 𠀀' }, body, 'accepted'],
    ['other control characters (a DTO decides on those)', { text: 'a\tb\u0001' }, body, 'accepted'],
    ['numbers, booleans and null', { level: 1, anonymous: true, phone: null }, body, 'accepted'],
  ])('%s', async (_what, value, metadata, expected) => {
    expect(await outcome(value, metadata)).toEqual(expected);
  });

  it('leaves what our own decorators read from the request (the signed-in actor) alone', async () => {
    expect(await outcome({ userId: 'a\u0000' }, { type: 'custom' })).toBe('accepted');
  });

  it('walks a body nested far deeper than any call stack without overflowing it', async () => {
    let nested: unknown = 'a\u0000';
    for (let depth = 0; depth < 50_000; depth++) nested = [nested];
    const refusal = await outcome({ deep: nested }, body);
    expect(refusal).not.toBe('accepted');
    expect((refusal as string[])[0]).toMatch(/^deep(\.0){50000}$/);
  });
});
