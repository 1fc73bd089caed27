/** The HTTP Basic `Authorization` value (RFC 7617, UTF-8), as the gateway and the simulator send it to the platform. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
