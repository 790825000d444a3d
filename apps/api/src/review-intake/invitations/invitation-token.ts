import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters in the link. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh invitation token and the SHA-256 the table keeps (the token itself is only in the link). */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** SHA-256 hex: a fast hash is enough for 256 random bits, and the look-up stays one indexed equality. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string has the shape of one of our tokens (anything else is unknown without a query). */
export function isWellFormedInvitationToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
