/**
 * The shapes shared by access-matrix.e2e.test.ts and the endpoint groups it loads from this folder
 * (every `*.groups.ts` file here exports `groups: Record<string, MatrixGroup>`; a module adds its endpoints by adding
 * a file, without editing the matrix).
 */

/** The data each scope points at: halls, rectification cases (review ids, which are also the bad reviews' ids) and cases (办件). */
export interface Scope {
  hall: string;
  rectification: string;
  serviceCase: string;
}

export type Subject = 'handler' | 'leader' | 'guide' | 'county' | 'admin';

/**
 * One request of a group. `listed`: the id that must be among the rows of a list for the cell to read `seen`
 * (otherwise `hidden`); without it the cell is the HTTP status.
 */
export type MatrixRequest = (scope: Scope, subject: Subject) => { method: string; path: string; body?: unknown; csv?: string; listed?: string };

/** [own scope, other scope] per role. */
export type Expected = Record<Subject, [string, string]>;

export interface MatrixGroup {
  request: MatrixRequest;
  expected: Expected;
  /** Open to anyone, signed in or not (no guard). */
  open?: boolean;
}

// The county roles see every hall, so their "own" and "other" are both allowed.
export const ALL: [string, string] = ['200', '200'];
export const HALL: [string, string] = ['200', '403'];
export const NONE: [string, string] = ['403', '403'];

/** A simple-rest list filter asking for one id. */
export const listQuery = (id: string) => `filter=${encodeURIComponent(JSON.stringify({ id: [id] }))}`;
