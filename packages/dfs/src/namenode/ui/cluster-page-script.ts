/**
 * The cluster page's browser script, served as /assets/cluster-ui.js. It renders each snapshot
 * the server pushes on /api/events (EventSource reconnects by itself if the namenode restarts)
 * and re-reads /api/files for the directory or file being browsed (kept in the URL's hash).
 * Plain ES2020 with no dependencies; written without template literals, since it lives in one.
 */
export const CLUSTER_PAGE_SCRIPT = String.raw`'use strict';
(function () {
  var byId = function (id) { return document.getElementById(id); };
  var escapeHtml = function (value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  };
  var bytes = function (n) {
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
  };
  var seconds = function (ms) { return ms < 10000 ? (ms / 1000).toFixed(1) + ' s' : Math.round(ms / 1000) + ' s'; };
  var clock = function (epochMs) { return new Date(epochMs).toLocaleTimeString(); };
  var plural = function (n, one, many) { return n + ' ' + (n === 1 ? one : many || one + 's'); };
  var badge = function (text, kind) { return '<span class="badge ' + kind + '">' + escapeHtml(text) + '</span>'; };
  var cell = function (label, html, className) {
    return '<td data-label="' + escapeHtml(label) + '"' + (className ? ' class="' + className + '"' : '') + '><div>' + html + '</div></td>';
  };
  var table = function (headers, rows) {
    return '<table><thead><tr>' + headers.map(function (h) { return '<th>' + escapeHtml(h) + '</th>'; }).join('') +
      '</tr></thead><tbody>' + rows.join('') + '</tbody></table>';
  };
  var chips = function (nodeIds, kind) {
    return nodeIds.map(function (id) { return '<span class="chip ' + (kind || '') + '">' + escapeHtml(id) + '</span>'; }).join('');
  };

  function renderSummary(snapshot) {
    var workers = snapshot.workers;
    var live = workers.filter(function (w) { return w.state === 'live'; });
    var capacity = live.reduce(function (sum, w) { return sum + w.capacityBytes; }, 0);
    var used = live.reduce(function (sum, w) { return sum + w.usedBytes; }, 0);
    var tasks = live.reduce(function (sum, w) { return sum + (w.runningTasks || 0); }, 0);
    var b = snapshot.blocks;
    var card = function (label, value, kind, id) {
      return '<div class="card ' + (kind || '') + '" id="' + id + '"><span class="muted">' + label + '</span><b>' + value + '</b></div>';
    };
    byId('summary').innerHTML =
      card('Live workers', live.length, '', 'live-count') +
      card('Dead workers', workers.length - live.length, workers.length > live.length ? 'bad' : '', 'dead-count') +
      card('Running tasks', tasks, '', 'task-count') +
      card('DFS used', bytes(used) + ' <span class="muted">of ' + bytes(capacity) + '</span>', '', 'used') +
      card('Blocks', b.totalBlocks, '', 'block-count') +
      card('Under-replicated', b.underReplicated.length, b.underReplicated.length ? 'warn' : '', 'under-count') +
      card('Missing', b.missing.length, b.missing.length ? 'bad' : '', 'missing-count') +
      card('Corrupt', b.corrupt.length, b.corrupt.length ? 'bad' : '', 'corrupt-count');
  }

  function renderWorkers(workers) {
    if (workers.length === 0) { byId('workers').innerHTML = '<p class="muted">no worker has registered yet</p>'; return; }
    var rows = workers.map(function (w) {
      var share = w.capacityBytes ? Math.min(100, (100 * w.usedBytes) / w.capacityBytes) : 0;
      var tasks = w.runningTasks === null ? '<span class="muted">no executor</span>' : w.runningTasks + (w.executorThreads ? ' <span class="muted">/ ' + w.executorThreads + ' threads</span>' : '');
      return '<tr data-node="' + escapeHtml(w.nodeId) + '" data-state="' + w.state + '">' +
        cell('Worker', '<span class="mono">' + escapeHtml(w.nodeId) + '</span>' + (w.executorId ? '<br><span class="muted mono">' + escapeHtml(w.executorId) + '</span>' : '')) +
        cell('State', badge(w.state, w.state === 'live' ? 'ok' : 'bad')) +
        cell('Heartbeat', seconds(w.heartbeatAgeMs) + ' ago', 'num') +
        cell('Used', '<div>' + bytes(w.usedBytes) + ' <span class="muted">of ' + bytes(w.capacityBytes) + '</span><div class="bar"><i style="width:' + share.toFixed(1) + '%"></i></div></div>', 'num') +
        cell('Blocks', w.blockCount + (w.state === 'dead' ? ' <span class="muted">(last report)</span>' : ''), 'num') +
        cell('Tasks', tasks, 'num') +
        cell('Transfers', w.activeTransfers + w.queuedTransfers === 0 ? '<span class="muted">none</span>' : w.activeTransfers + ' active, ' + w.queuedTransfers + ' queued', 'num') +
        cell('Data port', '<span class="mono">' + escapeHtml(w.host) + ':' + w.dataPort + '</span>') +
        '</tr>';
    });
    byId('workers').innerHTML = table(['Worker', 'State', 'Heartbeat', 'Used', 'Blocks', 'Tasks', 'Transfers', 'Data port'], rows);
  }

  function problemTable(title, id, problems, kind) {
    if (problems.length === 0) return '';
    var rows = problems.map(function (p) {
      return '<tr data-block="' + escapeHtml(p.blockId) + '">' +
        cell('Block', '<span class="mono">' + escapeHtml(p.blockId) + '</span>') +
        cell('File', '<a class="mono" href="#' + encodeURI(p.path) + '">' + escapeHtml(p.path) + '</a>') +
        cell('Replicas', p.liveReplicas.length + ' of ' + p.expectedReplicas + ' ' + chips(p.liveReplicas) + chips(p.corruptReplicas, 'corrupt')) +
        cell('Copying', p.pendingCopies ? badge(p.pendingCopies + ' in progress', 'warn') : '<span class="muted">none</span>') +
        '</tr>';
    });
    return '<div class="problems" id="' + id + '"><h3>' + badge(problems.length, kind) + ' ' + title + '</h3>' + table(['Block', 'File', 'Replicas', 'Copying'], rows) + '</div>';
  }

  function renderBlocks(b) {
    var html = problemTable('re-replicating now', 'replicating', b.replicating, 'warn') +
      problemTable('missing (no live replica)', 'missing', b.missing, 'bad') +
      problemTable('under-replicated', 'under-replicated', b.underReplicated, 'warn') +
      problemTable('with corrupt replicas', 'corrupt', b.corrupt, 'bad') +
      problemTable('over-replicated', 'over-replicated', b.overReplicated, 'info');
    byId('blocks').innerHTML = html || '<p id="blocks-healthy">' + badge('healthy', 'ok') + ' all ' + b.totalBlocks + ' blocks have their full replication on live workers</p>';
  }

  function renderNamenode(n) {
    var safe = byId('safe-mode');
    safe.textContent = n.safeMode.on ? 'safe mode' : 'serving';
    safe.className = 'badge ' + (n.safeMode.on ? 'warn' : 'ok');
    safe.title = n.safeMode.reason;
    var log = n.editLog;
    var facts = [
      ['Safe mode', escapeHtml(n.safeMode.reason)],
      ['Namespace', plural(n.namespace.files, 'file') + ', ' + plural(n.namespace.directories, 'directory', 'directories') + ', ' + plural(n.namespace.blocks, 'block')],
      ['Edit log', 'last txid ' + log.lastTxid + ', ' + plural(log.editsSinceCheckpoint, 'edit') + ' since the last checkpoint'],
      ['Checkpoint', log.lastCheckpointTime === null ? 'none written since start-up (image at txid ' + log.lastCheckpointTxid + ')' : 'at txid ' + log.lastCheckpointTxid + ', ' + clock(log.lastCheckpointTime)],
      ['Started', clock(n.startTime)],
      ['Timing', 'heartbeat every ' + n.timing.heartbeatIntervalMs + ' ms; a worker is dead after ' + seconds(n.timing.deadAfterMs) + ' without one'],
    ];
    byId('namenode').innerHTML = facts.map(function (f) { return '<dt>' + f[0] + '</dt><dd>' + f[1] + '</dd>'; }).join('');
  }

  function currentPath() {
    var path = decodeURI(location.hash.slice(1));
    return path.charAt(0) === '/' ? path : '/';
  }

  function renderBreadcrumb(path) {
    var parts = path.split('/').filter(Boolean);
    var html = '<a href="#/">/</a>';
    parts.forEach(function (part, i) {
      html += ' <a href="#/' + parts.slice(0, i + 1).map(encodeURIComponent).join('/') + '">' + escapeHtml(part) + '</a> /';
    });
    byId('breadcrumb').innerHTML = html;
  }

  function renderListing(view) {
    if (view.entries.length === 0) return '<p class="muted">empty directory</p>';
    return table(['Name', 'Size', 'Replication', 'Modified'], view.entries.map(function (e) {
      var name = e.kind === 'directory' ? e.name + '/' : e.name;
      return '<tr data-path="' + escapeHtml(e.path) + '">' +
        cell('Name', '<a href="#' + encodeURI(e.path) + '">' + escapeHtml(name) + '</a>') +
        cell('Size', e.kind === 'directory' ? '<span class="muted">dir</span>' : bytes(e.length), 'num') +
        cell('Replication', e.kind === 'directory' ? '' : e.replication, 'num') +
        cell('Modified', e.modificationTime ? clock(e.modificationTime) : '') +
        '</tr>';
    }));
  }

  function renderFile(view) {
    var head = '<p>' + bytes(view.length) + ', replication ' + view.replication + ', block size ' + bytes(view.blockSize) + ', ' + view.blocks.length + ' blocks</p>';
    var statusKind = { healthy: 'ok', 'under-replicated': 'warn', 'over-replicated': 'info', missing: 'bad' };
    return head + table(['Block', 'Bytes', 'Status', 'Replicas'], view.blocks.map(function (b) {
      var live = b.replicas.filter(function (r) { return r.state === 'live'; }).map(function (r) { return r.nodeId; });
      var corrupt = b.replicas.filter(function (r) { return r.state === 'corrupt'; }).map(function (r) { return r.nodeId; });
      var pending = b.pendingCopies ? '<span class="chip pending">+' + b.pendingCopies + ' copying</span>' : '';
      return '<tr data-block="' + escapeHtml(b.blockId) + '" data-status="' + b.status + '">' +
        cell('Block', '<span class="mono">' + escapeHtml(b.blockId) + '</span>') +
        cell('Bytes', bytes(b.offset) + ' + ' + bytes(b.length), 'num') +
        cell('Status', badge(b.status, statusKind[b.status])) +
        cell('Replicas', chips(live) + chips(corrupt, 'corrupt') + pending) +
        '</tr>';
    }));
  }

  var filesRequest = 0;
  function refreshFiles() {
    var path = currentPath();
    var request = ++filesRequest;
    renderBreadcrumb(path);
    fetch('/api/files?path=' + encodeURIComponent(path))
      .then(function (response) { return response.json(); })
      .then(function (view) {
        if (request !== filesRequest) return;
        byId('files').innerHTML = view.error ? '<p>' + badge('not found', 'bad') + ' ' + escapeHtml(view.error) + '</p>' : view.kind === 'directory' ? renderListing(view) : renderFile(view);
      })
      .catch(function () { /* the namenode is away; the next snapshot retries */ });
  }

  function setConnection(text, kind) {
    var el = byId('connection');
    el.textContent = text;
    el.className = 'badge ' + kind;
  }

  var events = new EventSource('/api/events');
  events.addEventListener('snapshot', function (event) {
    var snapshot = JSON.parse(event.data);
    setConnection('live', 'ok');
    byId('updated').textContent = 'updated ' + clock(snapshot.time);
    renderSummary(snapshot);
    renderWorkers(snapshot.workers);
    renderBlocks(snapshot.blocks);
    renderNamenode(snapshot.namenode);
    refreshFiles();
  });
  events.addEventListener('error', function () { setConnection('reconnecting…', 'warn'); });
  window.addEventListener('hashchange', refreshFiles);
  refreshFiles();
})();
`;
