/** host:port of anything that listens. */
export interface NetAddress {
  host: string;
  port: number;
}

export function formatNetAddress(address: NetAddress): string {
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}
