/** The reference: a bare Fastify hello-world route, run in its own process like the platform. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
// The same route answering a JSON body of n bytes (made once per size): a reference for routes whose answers are large.
const bodies = new Map<number, string>();
app.get<{ Params: { n: string } }>('/bytes/:n', async (request, reply) => {
  const n = Math.min(Number(request.params.n) || 0, 1_000_000);
  let body = bodies.get(n);
  if (body === undefined) {
    body = JSON.stringify({ data: 'x'.repeat(Math.max(0, n - 11)) });
    bodies.set(n, body);
  }
  reply.type('application/json; charset=utf-8').send(body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
