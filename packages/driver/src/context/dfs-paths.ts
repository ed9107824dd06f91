/** `dfs:///path` names the context's own namenode; a full `dfs://host:port/path` is kept as it is. */
export function withOwnNamenode(url: string, namenode: string | undefined): string {
  if (!url.startsWith('dfs:///')) return url;
  if (!namenode) throw new Error(`${url}: there is no namenode in local mode; give dfs://host:port/path`);
  return `dfs://${namenode}${url.slice('dfs://'.length)}`;
}
