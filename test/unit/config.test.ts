import { describe, expect, it } from 'vitest';
import { ConfigError, importUploadMaxBytes, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('has defaults that work locally', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.heapMb).toBe(512);
    expect(config.neo4j.pageCacheMb).toBe(512);
    expect(config.neo4j.maxConnections).toBe(8);
  });

  it('takes a connection pool size, and refuses one that is not a whole number of at least 1', () => {
    expect(loadConfig({ NEO4J_MAX_CONNECTIONS: '32' }).neo4j.maxConnections).toBe(32);
    expect(() => loadConfig({ NEO4J_MAX_CONNECTIONS: '0' })).toThrowError(
      'NEO4J_MAX_CONNECTIONS="0" must be at least 1',
    );
    expect(() => loadConfig({ NEO4J_MAX_CONNECTIONS: 'many' })).toThrowError(
      'NEO4J_MAX_CONNECTIONS="many" must be a whole number of connections',
    );
  });

  it('names the variable and the value when PORT is not a number', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrowError('PORT="abc" must be a whole number');
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '70000', NEO4J_URI: 'http://db:7474' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PORT="70000" must be between 0 and 65535',
        'NEO4J_URI="http://db:7474" must look like bolt://host:7687 or neo4j+s://host',
      ]);
    }
  });

  it('treats an empty NEO4J_URI as unset, so the local Neo4j is used', () => {
    expect(loadConfig({ NEO4J_URI: '  ' }).neo4j.uri).toBeUndefined();
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.example:7687' }).neo4j.uri).toBe(
      'neo4j+s://abc.databases.example:7687',
    );
  });

  it('refuses a heap too small for Neo4j', () => {
    expect(() => loadConfig({ NEO4J_HEAP_MB: '12' })).toThrowError(
      'NEO4J_HEAP_MB="12" must be at least 64 (MiB)',
    );
  });

  it("trusts no proxy by default; takes hops or the proxies' addresses, and refuses `true`", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'balancer.internal']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrowError(
        `TRUST_PROXY=${JSON.stringify(bad)} must be false, a number of proxy hops, or the proxies' addresses`,
      );
    }
  });
});

describe('IMPORT_UPLOAD_MAX_MB', () => {
  it('caps a staged import upload at 256 MiB unless set', () => {
    expect(loadConfig({}).importUploadMaxBytes).toBe(256 * 1024 * 1024);
    expect(loadConfig({ IMPORT_UPLOAD_MAX_MB: '32' }).importUploadMaxBytes).toBe(32 * 1024 * 1024);
    expect(importUploadMaxBytes({})).toBe(256 * 1024 * 1024);
    expect(importUploadMaxBytes({ IMPORT_UPLOAD_MAX_MB: '3' })).toBe(3 * 1024 * 1024);
  });

  it('refuses a cap that is not a whole number of MiB from 1 to 2047', () => {
    expect(() => loadConfig({ IMPORT_UPLOAD_MAX_MB: '0' })).toThrowError(
      'IMPORT_UPLOAD_MAX_MB="0" must be at least 1 (MiB)',
    );
    expect(() => loadConfig({ IMPORT_UPLOAD_MAX_MB: '4096' })).toThrowError(
      'IMPORT_UPLOAD_MAX_MB="4096" must be at most 2047 (MiB)',
    );
    expect(() => importUploadMaxBytes({ IMPORT_UPLOAD_MAX_MB: 'lots' })).toThrowError(
      'IMPORT_UPLOAD_MAX_MB="lots" must be a whole number of MiB',
    );
  });
});
