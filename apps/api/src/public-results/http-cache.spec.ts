import { ifNoneMatchHits, strongEtag } from './http-cache';

describe('strong ETag and If-None-Match', () => {
  const etag = strongEtag('{"a":1}');

  it('is a quoted hash of the body: the same body the same tag, another body another', () => {
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(strongEtag('{"a":1}')).toBe(etag);
    expect(strongEtag('{"a":2}')).not.toBe(etag);
  });

  it.each([
    [undefined, false],
    ['', false],
    [etag, true],
    [`W/${etag}`, true],
    [`"other", ${etag}`, true],
    ['"other"', false],
    ['*', true],
    [[`"other"`, etag], true],
    [etag.slice(1, -1), false],
  ])('If-None-Match %j → %s', (header, hit) => {
    expect(ifNoneMatchHits(header, etag)).toBe(hit);
  });
});
