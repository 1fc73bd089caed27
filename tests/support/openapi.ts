/** The routes of the server's own OpenAPI document (`GET /openapi.json`), so suites cover every route. */
import type { TestServer } from '../../packages/server/src/testing/test-server.js';

export interface OpenApiParameter {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly required?: boolean;
}

export interface OpenApiRoute {
  /** `METHOD /path/{param}`, e.g. `POST /v1/venues/{venueId}/ratings`. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly OpenApiParameter[];
  /** The JSON Schema of the request body, when the route takes one. */
  readonly bodySchema?: Record<string, unknown>;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
}

export async function openApiRoutes(server: TestServer): Promise<OpenApiRoute[]> {
  const res = await server.request<{ paths: Record<string, Record<string, OpenApiOperation>> }>('/openapi.json');
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`);
  const routes: OpenApiRoute[] = [];
  for (const [path, operations] of Object.entries(res.body.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const upper = method.toUpperCase();
      const content = operation.requestBody?.content ?? {};
      const bodySchema = (content['application/json'] ?? Object.values(content)[0])?.schema;
      routes.push({
        key: `${upper} ${path}`,
        method: upper,
        path,
        parameters: operation.parameters ?? [],
        ...(bodySchema ? { bodySchema } : {}),
      });
    }
  }
  return routes;
}

/** `/v1/venues/{venueId}` with `{ venueId: 'v1' }` → `/v1/venues/v1`; a missing value throws. */
export function fillPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for path parameter {${name}} of ${path}`);
    return encodeURIComponent(value);
  });
}
