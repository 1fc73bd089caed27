/**
 * The OpenAPI 3.1 document `GET /openapi.json` serves (and Swagger UI at `/docs` shows), built by @fastify/swagger
 * from every route's `schema`: operationId, summary, tags, security, bodies and answers (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1, from the SDK's valibot schemas).
 */
import type { SwaggerOptions } from '@fastify/swagger';
import type { RouteAuthConfig } from '../auth/authenticate.js';
import { SECURITY_SCHEMES } from '../schemas/security.js';

const TAGS = [
  { name: 'auth', description: 'Log in (password, WeChat), refresh, who am I.' },
  { name: 'regions', description: 'Districts of the city and their rule profiles.' },
  { name: 'venues', description: 'Catering venues: archive, licence, public code.' },
  { name: 'staff', description: 'A venue’s staff archive and health certificates.' },
  { name: 'members', description: 'Users working at a venue and their role there.' },
  { name: 'ledgers', description: 'Daily ledgers (电子台账): hash-chained, idempotent writes; photos.' },
  { name: 'ratings', description: 'Consumer smiley ratings (笑脸评价).' },
  { name: 'notices', description: 'Notices (告知书) to a venue’s operator and their answers.' },
  {
    name: 'inspections',
    description: 'On-site inspections (监督检查): the checklist, records with signatures, the grades they give.',
  },
  {
    name: 'rectifications',
    description: 'Rectification notices (责令整改) with deadlines: answers with photos, review, overdue escalation.',
  },
  { name: 'sampling', description: 'Sampling tasks (抽检): assigned to an inspector, the lab result, incidents.' },
  { name: 'tips', description: 'Food-safety tips and consumer alerts (消费预警) with validity; WeChat opt-ins.' },
  { name: 'duties', description: 'Legal duties and operating procedures (法定义务/操作规范) with read receipts.' },
  { name: 'complaints', description: 'Consumer complaints with location and photos.' },
  { name: 'alerts', description: 'Alerts of sensors, cameras, schedules and ledger rules: acknowledge, resolve.' },
  { name: 'public', description: 'What anyone sees behind a venue’s QR code, and the tips in force.' },
  { name: 'open data', description: 'Grades and ratings by region, for partners and the public.' },
  { name: 'devices', description: 'Devices, gateways and what they push: registry, schedules, ingestion.' },
  { name: 'training', description: 'Courses, the question bank, exams drawn by rules, certificates, coverage.' },
  {
    name: 'video',
    description:
      'The live kitchen: camera channels, signed live and recording playlists (HLS), playback around an alert.',
  },
];

/** The options of @fastify/swagger. */
export function openApiOptions(): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bright Kitchen API (明厨亮灶)',
        version: '1.0.0',
        description:
          'Food-safety supervision of catering kitchens. Errors answer `{ code, message: { zh, en }, details? }` ' +
          'with a stable code (docs/api.md). Writes that may be retried take an `Idempotency-Key` header.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/', description: 'This server' }],
      tags: TAGS,
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: ({ schema, url, route }) => {
      const security = (schema as { security?: readonly unknown[] } | undefined)?.security;
      const isPublic = (route.config as RouteAuthConfig | undefined)?.public === true;
      // A protected route documented as open would send Try-it-out users (and client authors) astray.
      if (security?.length === 0 && !isPublic)
        throw new Error(`${route.method} ${url} needs a principal: document its security`);
      return { schema, url };
    },
  };
}
