import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createAccounts } from './helpers/auth-accounts';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';

/** Who rated: masked for whoever sees the case, in full (and audited) only for the working handler and the county. */
describe('the reviewer of a case: masked, unmasked and audited', () => {
  let stack: E2eStack;
  let id: string;
  const as = (userId: string, role: string, hallCodes: string[] = []) => ({ 'x-dev-actor': JSON.stringify({ userId, role, hallCodes }) });
  const handler1 = as('handler-1', 'HANDLER', ['jintun']);
  /** The handler the case is reassigned to: reassignment takes only an account of the hall. */
  let handler2Id: string;
  const handler2 = () => as(handler2Id, 'HANDLER', ['jintun']);
  const leader = as('leader-1', 'TOWN_LEADER', ['jintun']);
  const county = as('county-1', 'COUNTY_SUPERVISOR');
  const macunHandler = as('handler-9', 'HANDLER', ['macun']);

  beforeAll(async () => {
    stack = await startE2eStack();
    handler2Id = (await createAccounts(stack.db.url, [{ username: 'handler-2', role: 'HANDLER', hallCodes: ['jintun'] }]))['handler-2'];
    const response = await fetch(`${stack.baseUrl}/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode: 'jintun', level: 1, comment: '态度生硬', clientKey: randomUUID(), reviewer: { kind: 'REAL_NAME', name: '张三丰', phone: '13812345678' } }),
    });
    expect(response.status).toBe(201);
    id = ((await response.json()) as { id: string }).id;
    await eventually(async () => (await fetch(`${stack.baseUrl}/rectifications/${id}`, { headers: county })).status === 200);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const reviewer = (headers: Record<string, string>, unmask = false) =>
    fetch(`${stack.baseUrl}/rectifications/${id}/reviewer${unmask ? '?unmask=1' : ''}`, { headers });

  async function unmaskAudit(): Promise<string[]> {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ actor_id: string }>(
        "SELECT actor_id FROM audit_log WHERE action = 'rectification.reviewer.unmask' AND entity_id = $1 ORDER BY id",
        [id],
      );
      return rows.map((row) => row.actor_id);
    } finally {
      await client.end();
    }
  }

  it('shows everyone who sees the case the masked name and phone, and nobody else', async () => {
    for (const headers of [handler1, leader, county]) {
      const response = await reviewer(headers);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ kind: 'REAL_NAME', name: '张**', phone: '138****5678', masked: true });
    }
    expect((await reviewer(macunHandler)).status).toBe(403);
    expect(await unmaskAudit()).toEqual([]);
  });

  it.each([
    ['not for the town leader (403)', leader, 403],
    ['not for a handler of another hall (403)', macunHandler, 403],
    ["for the hall's handler while nobody is assigned (200)", handler1, 200],
    ['for the county supervisor (200)', county, 200],
  ])('unmasks %s', async (_who, headers, status) => {
    const response = await reviewer(headers, true);
    expect(response.status).toBe(status);
    if (status === 200) expect(await response.json()).toEqual({ kind: 'REAL_NAME', name: '张三丰', phone: '13812345678', masked: false });
  });

  it('writes every full view to the audit trail, and after a reassignment only the assignee (and the county) may unmask', async () => {
    expect(await unmaskAudit()).toEqual(['handler-1', 'county-1']);
    const reassigned = await fetch(`${stack.baseUrl}/rectifications/${id}/actions/reassign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...leader },
      body: JSON.stringify({ assignee: { userId: handler2Id }, reason: '换人跟进' }),
    });
    expect(reassigned.status).toBe(200);
    await eventually(async () => ((await (await fetch(`${stack.baseUrl}/rectifications/${id}`, { headers: county })).json()) as { assigneeUserId: string | null }).assigneeUserId === handler2Id);
    expect((await reviewer(handler1, true)).status).toBe(403);
    expect((await reviewer(handler2(), true)).status).toBe(200);
    expect(await unmaskAudit()).toEqual(['handler-1', 'county-1', handler2Id]);
  });
});
