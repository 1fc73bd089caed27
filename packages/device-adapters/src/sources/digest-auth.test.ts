import { describe, expect, it } from 'vitest';
import { digestAuthorization, parseDigestChallenge } from './digest-auth.js';

// RFC 7616 §3.9.1: the worked example, for MD5 and SHA-256.
const CREDENTIALS = { username: 'Mufasa', password: 'Circle of Life' };
const CHALLENGE = (algorithm: string) =>
  `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`;
const REQUEST = {
  method: 'GET',
  uri: '/dir/index.html',
  nonceCount: 1,
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
};

describe('HTTP digest auth (RFC 7616)', () => {
  it('answers the RFC example with MD5', () => {
    const challenge = parseDigestChallenge(CHALLENGE('MD5'));
    expect(challenge).toEqual({
      realm: 'http-auth@example.org',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
      algorithm: 'MD5',
      qop: ['auth', 'auth-int'],
    });
    const header = digestAuthorization(challenge!, CREDENTIALS, REQUEST);
    expect(header).toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
    expect(header).toContain('qop=auth, nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"');
    expect(header).toContain('opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
  });

  it('answers the RFC example with SHA-256', () => {
    const header = digestAuthorization(parseDigestChallenge(CHALLENGE('SHA-256'))!, CREDENTIALS, REQUEST);
    expect(header).toContain('response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"');
  });

  it('picks the Digest challenge among several and ignores unknown algorithms', () => {
    const challenge = parseDigestChallenge([
      'Basic realm="cam"',
      'Digest realm="cam", nonce="n1", algorithm=SHA-512-256, qop="auth"',
      'Digest qop="auth", realm="DS-2CD2347", nonce="4e6a4d3d", stale="FALSE"',
    ]);
    expect(challenge).toMatchObject({ realm: 'DS-2CD2347', nonce: '4e6a4d3d', algorithm: 'MD5', qop: ['auth'] });
    expect(parseDigestChallenge('Basic realm="cam"')).toBeUndefined();
    expect(parseDigestChallenge(undefined)).toBeUndefined();
  });
});
