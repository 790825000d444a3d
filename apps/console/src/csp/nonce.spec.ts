import { describe, expect, it } from '@jest/globals';
import { withPageNonce } from './nonce';

describe('withPageNonce (a page from the API opened from a blob: URL)', () => {
  it.each([
    ['<style>p{}</style>', '<style nonce="abc123">p{}</style>'],
    ['<style media="print">p{}</style><style>q{}</style>', '<style nonce="abc123" media="print">p{}</style><style nonce="abc123">q{}</style>'],
    // Not a <style> element: left alone.
    ['<stylesheet-note>x</stylesheet-note><p>style</p>', '<stylesheet-note>x</stylesheet-note><p>style</p>'],
  ])('%s', (html, expected) => {
    expect(withPageNonce(html, 'abc123')).toBe(expected);
  });

  it('leaves the page as it is where the console has no nonce', () => {
    expect(withPageNonce('<style>p{}</style>', undefined)).toBe('<style>p{}</style>');
  });
});
