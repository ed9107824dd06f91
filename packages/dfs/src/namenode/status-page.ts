/** The namenode's web page (HDFS's :9870): cluster health as HTML at `/` and JSON at `/json`. */
import { listenHttp, type HttpServer } from '@flint/net';
import type { ClusterReport } from '../protocol/client-namenode.js';

/** Read-only, so it needs no secret. */
export function startStatusPage(host: string, port: number, report: () => ClusterReport, log: (line: string) => void): Promise<HttpServer> {
  return listenHttp({ name: 'namenode ui', host, port, log, handle: (request, response) => {
    const body = report();
    if (request.url === '/json' || request.url === '/status.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body, null, 2));
      return;
    }
    if (request.url !== '/') {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(renderHtml(body));
  } });
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function renderHtml(report: ClusterReport): string {
  const rows = report.datanodes
    .map(
      (node) =>
        `<tr><td>${escape(node.nodeId)}</td><td>${escape(node.host)}:${node.dataPort}</td><td>${node.state}</td>` +
        `<td>${Math.round((Date.now() - node.lastHeartbeat) / 100) / 10} s ago</td><td>${node.blockCount}</td>` +
        `<td>${(node.usedBytes / 2 ** 20).toFixed(1)} MiB</td><td>${(node.capacityBytes / 2 ** 30).toFixed(1)} GiB</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Flint namenode</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style></head>
<body><h1>Flint namenode</h1>
<p>${escape(report.safeMode.reason)}</p>
<p>${report.files} files, ${report.directories} directories, ${report.blocks} blocks;
${report.underReplicatedBlocks} under-replicated, ${report.missingBlocks} missing, ${report.corruptReplicas} corrupt replicas.</p>
<table><tr><th>datanode</th><th>address</th><th>state</th><th>last heartbeat</th><th>blocks</th><th>used</th><th>capacity</th></tr>
${rows}
</table><p><a href="/json">JSON</a></p></body></html>
`;
}
