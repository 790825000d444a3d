// The shape of `GET /api/health`. The API answers 200 when every dependency is up and 503 when
// one is down; both carry a report. Anything else (connection refused, a proxy's 502, an HTML
// error page) means we could not reach the API at all, which the dashboard says differently.

export const HEALTH_SERVICES = ['postgres', 'temporal'] as const;
export type HealthService = (typeof HEALTH_SERVICES)[number];

export interface ServiceCheck {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

export interface ApiHealthReport {
  status: 'ok' | 'error';
  checks: Record<HealthService, ServiceCheck>;
}

export class ApiUnreachableError extends Error {
  constructor(readonly detail: string) {
    super(`API unreachable: ${detail}`);
    this.name = 'ApiUnreachableError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isServiceCheck = (value: unknown): value is ServiceCheck =>
  isRecord(value) &&
  (value.status === 'up' || value.status === 'down') &&
  (value.latencyMs === undefined || typeof value.latencyMs === 'number') &&
  (value.error === undefined || typeof value.error === 'string');

export const isApiHealthReport = (value: unknown): value is ApiHealthReport =>
  isRecord(value) &&
  (value.status === 'ok' || value.status === 'error') &&
  isRecord(value.checks) &&
  HEALTH_SERVICES.every((service) => isServiceCheck((value.checks as Record<string, unknown>)[service]));

/** Reads one health response; throws ApiUnreachableError unless it is a 200/503 health report. */
export const parseApiHealthResponse = (httpStatus: number, body: unknown): ApiHealthReport => {
  if (httpStatus !== 200 && httpStatus !== 503) {
    throw new ApiUnreachableError(`HTTP ${httpStatus}`);
  }
  if (!isApiHealthReport(body)) {
    throw new ApiUnreachableError(`HTTP ${httpStatus}, unexpected body`);
  }
  return body;
};

export const fetchApiHealth = async (
  apiUrl: string,
  options: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<ApiHealthReport> => {
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(`${apiUrl}/health`, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    // Let react-query see its own cancellations; everything else is "network down".
    if (options.signal?.aborted) throw error;
    throw new ApiUnreachableError(error instanceof Error ? error.message : String(error));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return parseApiHealthResponse(response.status, body);
};
