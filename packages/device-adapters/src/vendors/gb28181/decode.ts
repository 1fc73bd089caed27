/**
 * MANSCDP bodies are usually GB2312/GBK whatever they declare. Bytes that are valid UTF-8 are read as
 * UTF-8 (ASCII included); otherwise as GB18030 (a superset of GB2312 and GBK), strictly.
 */
import { type ConvertRejected, decodeUtf8, hostDecoder, reject } from '@brightkitchen/sdk';

export function decodeManscdp(bytes: Uint8Array | string): { ok: true; text: string } | ConvertRejected {
  if (typeof bytes === 'string') return { ok: true, text: bytes };
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8 };
  const gbk = hostDecoder('gb18030', true);
  if (!gbk) return reject('ADAPTER_BAD_ENCODING', { expected: 'gb2312', reason: 'no GBK decoder on this host' });
  try {
    return { ok: true, text: gbk.decode(bytes) };
  } catch {
    return reject('ADAPTER_BAD_ENCODING', { expected: 'gb2312' });
  }
}
