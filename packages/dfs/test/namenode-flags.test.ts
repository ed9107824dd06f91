/** `flint namenode`'s cluster UI port: --http-port (default 9870, HDFS's), --ui-port as its older name. */
import { describe, expect, it } from 'vitest';
import { parseNamenodeArgs } from '../src/cli/namenode-command.js';

describe('namenode --http-port', () => {
  it('defaults to 9870 and takes --http-port or --ui-port', () => {
    expect(parseNamenodeArgs([], {}).uiPort).toBe(9870);
    expect(parseNamenodeArgs(['--http-port', '0'], {}).uiPort).toBe(0);
    expect(parseNamenodeArgs(['--ui-port', '8080'], {}).uiPort).toBe(8080);
  });

  it('refuses both flags at once and a port that is not a number', () => {
    expect(() => parseNamenodeArgs(['--http-port', '1', '--ui-port', '2'], {})).toThrow('give --http-port or --ui-port, not both');
    expect(() => parseNamenodeArgs(['--http-port', 'web'], {})).toThrow('--http-port must be a non-negative integer, got "web"');
  });
});

describe('namenode --replication-max-streams', () => {
  it('sets the copies a datanode is told to make per heartbeat (default 4) and refuses 0', () => {
    expect(parseNamenodeArgs([], {}).maxTransfersPerHeartbeat).toBe(4);
    expect(parseNamenodeArgs(['--replication-max-streams', '1'], {}).maxTransfersPerHeartbeat).toBe(1);
    expect(() => parseNamenodeArgs(['--replication-max-streams', '0'], {})).toThrow('--replication-max-streams must be at least 1');
  });
});
