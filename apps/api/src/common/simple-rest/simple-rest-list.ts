import type { FastifyReply } from 'fastify';
import { findUnstorableText } from '@haochaping/contracts';
import { DomainHttpException, type ApiFieldError } from '../api-error';
import { parseIsoInstant } from '../iso-instant';
import { UNSTORABLE_TEXT_MESSAGE } from '../validation.pipe';
import type { SimpleRestListQueryDto } from './simple-rest-list-query.dto';

// react-admin's simple-rest conventions, once for every list endpoint: `filter`, `sort` and `range` as JSON in
// the query, the total in `Content-Range`. Each resource declares what it can be sorted and filtered by; the
// rest is refused (422) rather than silently ignored, so a typo in the console shows up at once.

export type FilterSpec =
  /** one string (a search text or an exact value) */
  | { readonly type: 'text' }
  /** one code or a list of codes; react-admin's getMany sends `{"id": [...]}` */
  | { readonly type: 'codes' }
  | { readonly type: 'boolean' }
  /** one value or a list of values out of these */
  | { readonly type: 'enum'; readonly values: readonly string[] }
  /** one whole number or a list of them, each within min..max */
  | { readonly type: 'integers'; readonly min: number; readonly max: number }
  /** an ISO 8601 instant with offset */
  | { readonly type: 'instant' };

export type FilterValue<S extends FilterSpec> = S extends { type: 'text' }
  ? string
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'integers' }
      ? number[]
      : S extends { type: 'instant' }
        ? Date
        : string[];

export interface SimpleRestResource<TSort extends string, TFilters extends Record<string, FilterSpec>> {
  /** The resource name in `Content-Range` (`halls 0-24/13`). */
  readonly name: string;
  readonly sortFields: readonly TSort[];
  readonly defaultSort: readonly [TSort, 'ASC' | 'DESC'];
  readonly filters: TFilters;
  /** The most rows one request may ask for; also the page when no range is given. Default 500. */
  readonly maxPageSize?: number;
}

export interface ListParams<TSort extends string, TFilters extends Record<string, FilterSpec>> {
  readonly sort: { readonly field: TSort; readonly order: 'asc' | 'desc' };
  readonly offset: number;
  readonly limit: number;
  readonly filter: { readonly [K in keyof TFilters]?: FilterValue<TFilters[K]> };
}

/** One page of a list, with the total the filter matches. */
export interface ListPage<T> {
  readonly rows: T[];
  readonly offset: number;
  readonly total: number;
}

/** Identity, for type inference of a resource's declaration. */
export function defineSimpleRestResource<TSort extends string, TFilters extends Record<string, FilterSpec>>(
  resource: SimpleRestResource<TSort, TFilters>,
): SimpleRestResource<TSort, TFilters> {
  return resource;
}

const DEFAULT_MAX_PAGE_SIZE = 500;

/**
 * The JSON in a query parameter. Its escapes (`\u0000`) decode only here, after the global pipe checked the raw
 * query: text PostgreSQL cannot store is refused here, with the same check and message.
 */
function parseJson(raw: string, field: string, errors: ApiFieldError[], what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw) as unknown;
  } catch {
    errors.push({ field, message: `${what}不是有效的 JSON` });
    return undefined;
  }
  const unstorable = findUnstorableText(value, field);
  if (unstorable === undefined) return value;
  errors.push({ field: unstorable, message: UNSTORABLE_TEXT_MESSAGE });
  return undefined;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function parseFilterValue(spec: FilterSpec, value: unknown, field: string, errors: ApiFieldError[]): unknown {
  switch (spec.type) {
    case 'text':
      if (isString(value)) return value.trim();
      errors.push({ field, message: '筛选值必须是文字' });
      return undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      errors.push({ field, message: '筛选值必须是 true 或 false' });
      return undefined;
    case 'codes': {
      const values = Array.isArray(value) ? value : [value];
      if (values.every(isString) && values.length <= DEFAULT_MAX_PAGE_SIZE) return values;
      errors.push({ field, message: '筛选值必须是编码或编码列表' });
      return undefined;
    }
    case 'enum': {
      const values = Array.isArray(value) ? value : [value];
      if (values.every((item) => isString(item) && spec.values.includes(item))) return values;
      errors.push({ field, message: `筛选值只能是 ${spec.values.join('、')}` });
      return undefined;
    }
    case 'integers': {
      const values = Array.isArray(value) ? value : [value];
      if (values.every((item) => Number.isSafeInteger(item) && (item as number) >= spec.min && (item as number) <= spec.max)) return values;
      errors.push({ field, message: `筛选值必须是 ${spec.min} 到 ${spec.max} 之间的整数` });
      return undefined;
    }
    case 'instant': {
      const instant = isString(value) ? parseIsoInstant(value.trim()) : undefined;
      if (instant) return instant;
      errors.push({ field, message: '筛选值必须是带时区的 ISO 8601 时间，如 2026-03-09T17:00:00+08:00' });
      return undefined;
    }
  }
}

/** Parses and checks `filter`, `sort` and `range` against the resource; any mistake is a 422 naming the parameter. */
export function parseListParams<TSort extends string, TFilters extends Record<string, FilterSpec>>(
  resource: SimpleRestResource<TSort, TFilters>,
  query: SimpleRestListQueryDto,
): ListParams<TSort, TFilters> {
  const errors: ApiFieldError[] = [];
  const maxPageSize = resource.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;

  let sort = { field: resource.defaultSort[0], order: resource.defaultSort[1] === 'DESC' ? ('desc' as const) : ('asc' as const) };
  if (query.sort !== undefined) {
    const value = parseJson(query.sort, 'sort', errors, '排序（sort）');
    const valid =
      Array.isArray(value) && value.length === 2 && resource.sortFields.includes(value[0] as TSort) && (value[1] === 'ASC' || value[1] === 'DESC');
    if (valid) sort = { field: value[0] as TSort, order: value[1] === 'DESC' ? 'desc' : 'asc' };
    else if (value !== undefined) errors.push({ field: 'sort', message: `排序必须是 ["字段","ASC"|"DESC"]，字段可选 ${resource.sortFields.join('、')}` });
  }

  let offset = 0;
  let limit = maxPageSize;
  if (query.range !== undefined) {
    const value = parseJson(query.range, 'range', errors, '分页范围（range）');
    const [first, last] = Array.isArray(value) && value.length === 2 ? (value as unknown[]) : [];
    const valid = Number.isSafeInteger(first) && Number.isSafeInteger(last) && (first as number) >= 0 && (last as number) >= (first as number);
    if (valid && (last as number) - (first as number) + 1 <= maxPageSize) {
      offset = first as number;
      limit = (last as number) - offset + 1;
    } else if (valid) {
      errors.push({ field: 'range', message: `每次最多取 ${maxPageSize} 条` });
    } else if (value !== undefined) {
      errors.push({ field: 'range', message: '分页范围必须是 [起始序号, 结束序号]，均为不小于 0 的整数且结束不小于起始' });
    }
  }

  const filter: Record<string, unknown> = {};
  if (query.filter !== undefined) {
    const value = parseJson(query.filter, 'filter', errors, '筛选条件（filter）');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      if (value !== undefined) errors.push({ field: 'filter', message: '筛选条件必须是 JSON 对象' });
    } else {
      for (const [name, raw] of Object.entries(value)) {
        const spec = Object.prototype.hasOwnProperty.call(resource.filters, name) ? resource.filters[name] : undefined;
        if (!spec) {
          errors.push({ field: `filter.${name}`, message: `不支持按 ${name} 筛选，可用：${Object.keys(resource.filters).join('、')}` });
          continue;
        }
        const parsed = parseFilterValue(spec, raw, `filter.${name}`, errors);
        if (parsed !== undefined) filter[name] = parsed;
      }
    }
  }

  if (errors.length > 0) throw new DomainHttpException(422, 'VALIDATION_FAILED', '列表查询参数有误', errors);
  return { sort, offset, limit, filter: filter as ListParams<TSort, TFilters>['filter'] };
}

/** `Content-Range: halls 0-24/13` (react-admin reads the total after the slash); a star for the range of an empty page. */
export function setContentRange(reply: FastifyReply, resourceName: string, page: ListPage<unknown>): void {
  const range = page.rows.length > 0 ? `${page.offset}-${page.offset + page.rows.length - 1}` : '*';
  void reply.header('Content-Range', `${resourceName} ${range}/${page.total}`);
}
