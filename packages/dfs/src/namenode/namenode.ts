/**
 * The namenode process: loads the last checkpoint and replays the edit log, serves RPCs, and
 * runs the periodic work:
 *
 *   every recheckInterval      declare datanodes dead whose last heartbeat is older than
 *                              2 × recheckInterval + 10 × heartbeatInterval (HDFS's rule) and
 *                              forget their replicas, which makes their blocks under-replicated;
 *   every replicationInterval  update safe mode; outside it, run the replication monitor
 *                              (re-replicate, trim surplus, replace corrupt replicas), and
 *                              checkpoint when enough edits have piled up.
 *
 * Datanodes heartbeat every heartbeatInterval (the namenode tells them the interval when they
 * register) and get their queued commands in the heartbeat's response.
 */
import { mkdirSync } from 'node:fs';
import { lockDataDirectory, type DataDirLock } from '../data-dir-lock.js';
import { resolve } from 'node:path';
import type { NodeAddress } from '../address.js';
import { errorMessage } from '../errors.js';
import { serveRpc } from '@flint/net';
import type { NamenodeConfig } from './config.js';
import { EditLog } from './edit-log.js';
import { applyEdit } from './edits.js';
import { loadImage, saveImage } from './fsimage.js';
import { Namesystem } from './namesystem.js';
import { namenodeRpcHandler } from './rpc-handlers.js';
import { startClusterUi } from './ui/cluster-ui-server.js';
import type { CheckpointStatus } from './ui/cluster-views.js';

export interface NamenodeHandle {
  readonly address: NodeAddress;
  readonly uiAddress: NodeAddress | undefined;
  /** `http` or `https` (TLS on). */
  readonly uiScheme: string | undefined;
  readonly system: Namesystem;
  /** Writes a checkpoint now (also done periodically). */
  checkpoint(): void;
  stop(): Promise<void>;
}

export async function startNamenode(
  config: NamenodeConfig,
  hooks: { log?: (line: string) => void; onFatal?: (error: unknown) => void } = {},
): Promise<NamenodeHandle> {
  const log = hooks.log ?? (() => undefined);
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDirectory(dataDir, 'namenode');
  try {
    return await startOnLockedDirectory(config, dataDir, lock, hooks, log);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startOnLockedDirectory(
  config: NamenodeConfig,
  dataDir: string,
  lock: DataDirLock,
  hooks: { onFatal?: (error: unknown) => void },
  log: (line: string) => void,
): Promise<NamenodeHandle> {
  const { namespace, lastTxid } = loadImage(dataDir);
  const { log: editLog, replay } = EditLog.open(dataDir, lastTxid);
  for (const logged of replay) applyEdit(namespace, logged.edit);
  log(`namenode loaded checkpoint at txid ${lastTxid} and replayed ${replay.length} edits from ${dataDir}`);

  let stopping: Promise<void> | undefined;
  const system = new Namesystem(namespace, editLog, config, (error) => {
    log(`fatal: cannot write the edit log: ${errorMessage(error)}`);
    hooks.onFatal?.(error);
  });
  let lastCheckpoint = Date.now();
  const checkpointStatus: CheckpointStatus = { lastCheckpointTime: null, lastCheckpointTxid: lastTxid };
  const checkpoint = () => {
    saveImage(dataDir, system.namespace, editLog.lastWrittenTxid);
    editLog.truncate();
    lastCheckpoint = Date.now();
    Object.assign(checkpointStatus, { lastCheckpointTime: lastCheckpoint, lastCheckpointTxid: editLog.lastWrittenTxid });
  };
  if (replay.length > 0) checkpoint();

  const rpc = await serveRpc({ name: 'namenode', host: config.host, port: config.port, log }, namenodeRpcHandler(system));
  const ui = config.uiPort === undefined ? undefined : await startClusterUi({ host: config.host, port: config.uiPort, system, checkpoint: () => ({ ...checkpointStatus }), log });

  const recheck = setInterval(() => {
    for (const node of system.datanodes.expire()) {
      system.blockMap.removeNode(node.nodeId);
      log(`datanode ${node.nodeId} declared dead: no heartbeat for ${Date.now() - node.lastHeartbeat} ms`);
    }
  }, config.recheckIntervalMs);
  const replication = setInterval(() => {
    system.updateSafeMode();
    if (system.safeMode.isOn) return;
    const round = system.monitor.run();
    if (round.copiesScheduled + round.surplusDeleted + round.corruptDeleted > 0) {
      log(`replication: ${round.copiesScheduled} copies scheduled, ${round.surplusDeleted} surplus and ${round.corruptDeleted} corrupt replicas deleted`);
    }
    const due = Date.now() - lastCheckpoint >= config.checkpointIntervalMs && editLog.editsSinceCheckpoint > 0;
    if (due || editLog.editsSinceCheckpoint >= config.checkpointEveryEdits) {
      try {
        checkpoint();
      } catch (error) {
        log(`checkpoint failed (the edit log still has every change): ${errorMessage(error)}`);
      }
    }
  }, config.replicationIntervalMs);

  return {
    address: rpc.address,
    uiAddress: ui?.address,
    uiScheme: ui?.scheme,
    system,
    checkpoint,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(recheck);
        clearInterval(replication);
        await rpc.close();
        await ui?.close();
        editLog.close();
        lock.release();
      })()),
  };
}
