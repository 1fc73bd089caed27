import { describe, expect, it } from 'vitest';
import type { TaroRequestOptions } from './taro-api.js';
import { createTaroTransport } from './transport.js';

function fakeTaro(answer: (o: TaroRequestOptions) => void) {
  const calls: TaroRequestOptions[] = [];
  return {
    calls,
    request(options: TaroRequestOptions) {
      calls.push(options);
      answer(options);
      return Promise.resolve();
    },
  };
}

describe('createTaroTransport', () => {
  it('sends the serialized request as text and hands back status, lower-case headers and the raw body', async () => {
    const taro = fakeTaro((o) =>
      o.success?.({ statusCode: 409, header: { 'Content-Type': 'application/json' }, data: '{"code":"X"}' }),
    );
    const transport = createTaroTransport(taro);
    const res = await transport({ method: 'POST', url: 'https://h/v1/x', headers: { a: '1' }, body: '{"b":2}' });
    expect(res).toEqual({ status: 409, headers: { 'content-type': 'application/json' }, body: '{"code":"X"}' });
    expect(taro.calls[0]).toMatchObject({ url: 'https://h/v1/x', method: 'POST', data: '{"b":2}', dataType: 'text' });
    expect(taro.calls[0]?.header).toEqual({ a: '1' });
  });

  it('rejects when no answer arrived (offline), so the outbox keeps the write', async () => {
    const transport = createTaroTransport(fakeTaro((o) => o.fail?.({ errMsg: 'request:fail timeout' })));
    await expect(transport({ method: 'GET', url: 'https://h/', headers: {} })).rejects.toThrow('request:fail timeout');
  });

  it('leaves the body out of GET requests', async () => {
    const taro = fakeTaro((o) => o.success?.({ statusCode: 200, data: '{}' }));
    await createTaroTransport(taro)({ method: 'GET', url: 'https://h/', headers: {} });
    expect('data' in (taro.calls[0] ?? {})).toBe(false);
  });
});
