import { describe, expect, it } from 'vitest';
import { endpointsFor } from './endpoints';

describe('endpointsFor', () => {
  it('uses the serving origin in h5 and plain ws on http', () => {
    expect(endpointsFor('h5', '', 'http://127.0.0.1:8080')).toEqual({
      baseURL: 'http://127.0.0.1:8080',
      realtimeUrl: 'ws://127.0.0.1:8080/mqtt',
    });
  });

  it('always uses wss in WeChat, which allows nothing else', () => {
    expect(endpointsFor('weapp', 'https://api.example.cn/', undefined).realtimeUrl).toBe('wss://api.example.cn/mqtt');
    expect(endpointsFor('weapp', '', undefined).realtimeUrl).toBe('wss://127.0.0.1:8080/mqtt');
  });
});
