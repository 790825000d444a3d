import { randomUUID } from 'node:crypto';
import Ajv, { type ValidateFunction } from 'ajv';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: Array<Record<string, string[]>>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, Schema> };
}
type ErrorBody = { statusCode: number; code: string; message: string; path: string; requestId: string; errors?: Array<{ field: string; message: string }> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The OpenAPI document (/api/docs-json) says what the API does, so that a client generator or a fuzzer checking
 * conformance (schemathesis) can rely on it: every `$ref` names a schema, every operation documents the answers the
 * API's common machinery gives (401 where a credential is required, 400 MALFORMED_JSON where it takes a JSON body,
 * 422 where it reads input), an operation without a security requirement never asks for a credential, and answers
 * match their schemas (the workflow's live state included). Checked against the running API, not against the
 * decorators.
 */
describe('the OpenAPI document', () => {
  let stack: E2eStack;
  let document: OpenApiDocument;
  let operations: Array<{ method: string; path: string; operation: Operation; name: string }>;

  beforeAll(async () => {
    stack = await startE2eStack();
    const response = await fetch(`${stack.baseUrl}/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => (item[method] ? [{ method, path, operation: item[method], name: `${method.toUpperCase()} ${path}` }] : [])),
    );
  });

  afterAll(async () => {
    await stack?.close();
  });

  const documented = (operation: Operation, status: number) => Object.keys(operation.responses).some((code) => code === String(status) || code === 'default');
  const needsCredential = (operation: Operation) => (operation.security ?? []).some((requirement) => Object.keys(requirement).length > 0);
  const readsInput = (operation: Operation) => operation.requestBody !== undefined || (operation.parameters ?? []).some((parameter) => parameter.in === 'path' || parameter.in === 'query');
  const takesJson = (operation: Operation) => operation.requestBody?.content['application/json'] !== undefined;

  /** A URL for the operation with every path parameter filled in with a value of its type that names nothing. */
  function urlOf(path: string, operation: Operation): string {
    const filled = path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
      const schema = operation.parameters?.find((parameter) => parameter.in === 'path' && parameter.name === name)?.schema ?? {};
      if (schema.type === 'integer' || schema.type === 'number') return '7';
      if (schema.format === 'uuid' || /id$/i.test(name)) return randomUUID();
      return 'nothing-here';
    });
    return `${stack.baseUrl}${filled.replace(/^\/api/, '')}`;
  }

  it('names a schema with every $ref', () => {
    const broken: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((child, index) => walk(child, `${where}/${index}`));
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref') {
            const name = String(value).replace('#/components/schemas/', '');
            if (!name || !document.components.schemas[name]) broken.push(`${where} → ${String(value)}`);
          } else walk(value, `${where}/${key}`);
        }
      }
    };
    walk(document, '');
    expect(broken).toEqual([]);
  });

  it('documents 401 on every operation that requires a credential, and declares the scheme it names', () => {
    expect(operations.filter(({ operation }) => needsCredential(operation) && !documented(operation, 401)).map(({ name }) => name)).toEqual([]);
    const declared = Object.keys(document.components.securitySchemes ?? {});
    const named = new Set(operations.flatMap(({ operation }) => (operation.security ?? []).flatMap((requirement) => Object.keys(requirement))));
    expect([...named].filter((scheme) => !declared.includes(scheme))).toEqual([]);
  });

  it('documents 422 on every operation that reads a path or query parameter or a body (the validation pipe checks each)', () => {
    expect(operations.filter(({ operation }) => readsInput(operation) && !documented(operation, 422)).map(({ name }) => name)).toEqual([]);
  });

  it('documents the limits: 429 on every write an access token may make, 413 and 429 on every public POST', () => {
    const writes = operations.filter(({ method, operation }) => method !== 'get' && (operation.security ?? []).some((requirement) => 'bearer' in requirement));
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.filter(({ operation }) => !documented(operation, 429)).map(({ name }) => name)).toEqual([]);
    const publicPosts = operations.filter(({ method, path }) => method === 'post' && path.startsWith('/api/public/'));
    expect(publicPosts.length).toBeGreaterThan(2);
    expect(publicPosts.filter(({ operation }) => !documented(operation, 413) || !documented(operation, 429)).map(({ name }) => name)).toEqual([]);
  });

  it('answers a request without credentials as documented: 401 exactly where a credential is required, every refusal in the one error shape', async () => {
    const wrong: string[] = [];
    for (const { method, path, operation, name } of operations) {
      const response = await fetch(urlOf(path, operation), {
        method: method.toUpperCase(),
        ...(operation.requestBody ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
      });
      const status = response.status;
      if (!documented(operation, status)) wrong.push(`${name}: ${status} is not documented`);
      if ((status === 401) !== needsCredential(operation)) wrong.push(`${name}: ${status} without credentials, but the document says ${needsCredential(operation) ? 'a credential is required' : 'none is needed'}`);
      if (status >= 400) {
        const error = (await response.json()) as ErrorBody;
        if (error.statusCode !== status || !error.code || !/[\u4e00-\u9fa5]/.test(error.message)) wrong.push(`${name}: ${status} not in the one error shape`);
      } else await response.arrayBuffer();
    }
    expect(wrong).toEqual([]);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON on every operation that takes a JSON body, and documents it', async () => {
    const jsonOperations = operations.filter(({ operation }) => takesJson(operation));
    expect(jsonOperations.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const { method, path, operation, name } of jsonOperations) {
      const response = await fetch(urlOf(path, operation), { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: '{"level": 2,' });
      const error = (await response.json()) as ErrorBody;
      if (response.status !== 400 || error.code !== 'MALFORMED_JSON') wrong.push(`${name}: ${response.status} ${error.code}`);
      if (!documented(operation, 400)) wrong.push(`${name}: 400 is not documented`);
    }
    expect(wrong).toEqual([]);
  });

  describe('says under which condition a field is required', () => {
    const schema = (name: string) => document.components.schemas[name] as { description?: string; required?: string[]; properties: Record<string, { description?: string }> };

    // [body schema, property, what its description says]
    it.each([
      ['VerifyDto', 'category', /^Required when finding is TRUE/],
      ['VerifyDto', 'notes', /^Required when finding is TRUE/],
      ['VerifyDto', 'evidenceNotes', /^Required when finding is UNTRUE or MALICIOUS/],
      ['RecordCallbackDto', 'initialReply', /^Required when reached is true/],
      ['RequestExtensionDto', 'contactedAt', /^Required when the reviewer is real-name/],
      ['RequestExtensionDto', 'contactMethod', /^Required when the reviewer is real-name/],
      ['RequestExtensionDto', 'reviewerResponse', /^Required when the reviewer is real-name/],
      ['ReviewerDto', 'phone', /^Required when kind is REAL_NAME/],
    ])('%s.%s: optional in the schema, its description says when it is required', (name, property, condition) => {
      expect(schema(name).required ?? []).not.toContain(property);
      expect(schema(name).properties[property]?.description).toMatch(condition);
    });

    it.each([
      ['VerifyDto', /TRUE \(属实\) requires category and notes; UNTRUE or MALICIOUS requires evidenceNotes/],
      ['RequestExtensionDto', /required together when the reviewer is real-name/],
      ['CreateReviewDto', /WINDOW_QR requires hallCode, windowCode, caseId, phone; CASE_INVITATION requires invitationToken; PUBLIC_FORM \(the default\) requires hallCode and may take windowCode, staffEmployeeNumber/],
    ])('%s: the body says which fields each case requires', (name, rule) => {
      expect(schema(name).description).toMatch(rule);
    });
  });

  describe('answers match their schemas', () => {
    const supervisor = { 'x-dev-actor': JSON.stringify({ userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) };
    const jintunHandler = { 'x-dev-actor': JSON.stringify({ userId: 'handler-jintun', role: 'HANDLER', hallCodes: ['jintun'] }) };
    let validatorOf: (method: string, path: string, status: number) => ValidateFunction;
    let caseId: string;

    beforeAll(async () => {
      // OpenAPI 3.0 to JSON Schema as schemathesis reads it: `nullable: true` allows null besides the schema (a
      // nullable enum or $ref included). Formats and examples are not what this checks.
      const toJsonSchema = (node: unknown): unknown => {
        if (Array.isArray(node)) return node.map(toJsonSchema);
        if (node === null || typeof node !== 'object') return node;
        const { nullable, ...rest } = node as Schema;
        const converted = Object.fromEntries(
          Object.entries(rest).map(([key, value]) => [key, key === '$ref' ? String(value).replace('#/components/', 'openapi#/components/') : toJsonSchema(value)]),
        );
        return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
      };
      const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
      ajv.addSchema({ $id: 'openapi', components: toJsonSchema(document.components) as Schema }, 'openapi');
      validatorOf = (method, path, status) => {
        const schema = document.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
        if (!schema) throw new Error(`${method} ${path} documents no JSON body for ${status}`);
        return ajv.compile(toJsonSchema(schema) as Schema);
      };

      const created = await fetch(`${stack.baseUrl}/public/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hallCode: 'jintun', level: 2, optionCodes: ['B3'], comment: '排队时间长', clientKey: randomUUID(), reviewer: { kind: 'REAL_NAME', name: '张三', phone: '13900000017' } }),
      });
      expect(created.status).toBe(201);
      caseId = ((await created.json()) as { id: string }).id;
      await eventually(async () => (await fetch(`${stack.baseUrl}/rectifications/${caseId}`, { headers: supervisor })).status === 200);
    });

    const expectConforms = async (response: Response, method: string, path: string) => {
      expect(response.status).toBe(200);
      const validate = validatorOf(method, path, 200);
      const body: unknown = await response.json();
      validate(body);
      expect(validate.errors ?? []).toEqual([]);
      return body;
    };

    it('a case from the read model and live from the workflow (?live=1): one schema each, under the same operation', async () => {
      for (const [query, source] of [['', 'read-model'], ['?live=1', 'workflow']] as const) {
        const body = await expectConforms(await fetch(`${stack.baseUrl}/rectifications/${caseId}${query}`, { headers: supervisor }), 'get', '/api/rectifications/{id}');
        expect(body).toMatchObject({ id: caseId, source });
      }
    });

    it("an action's answer (the workflow's new state)", async () => {
      const verified = await fetch(`${stack.baseUrl}/rectifications/${caseId}/actions/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...jintunHandler },
        body: JSON.stringify({ finding: 'TRUE', category: 'TIME_LIMITED', notes: '排队属实' }),
      });
      expect(await expectConforms(verified, 'post', '/api/rectifications/{id}/actions/verify')).toMatchObject({ state: 'RECTIFYING', source: 'workflow' });
      await expectConforms(await fetch(`${stack.baseUrl}/rectifications/${caseId}?live=1`, { headers: supervisor }), 'get', '/api/rectifications/{id}');
    });
  });
});
