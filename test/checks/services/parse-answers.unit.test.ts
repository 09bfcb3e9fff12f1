import { describe, expect, it } from 'vitest';
import { countLiveWorkers } from '../../../src/checks/services/count-live-workers.js';
import { infoInteger, parseRedisInfo } from '../../../src/checks/services/parse-redis-info.js';
import { displayUrl, joinUrl } from '../../../src/checks/services/service-target.js';

describe('parseRedisInfo', () => {
  const info = '# Memory\r\nused_memory:989552\r\nmaxmemory:0\r\nmaxmemory_policy:noeviction\r\n\r\n';

  it('reads INFO as a string, a Buffer, or a RESP3 verbatim string with its txt: prefix', () => {
    for (const raw of [info, Buffer.from(info), `txt:${info}`, info.replaceAll('\r\n', '\n')]) {
      const fields = parseRedisInfo(raw);
      expect(infoInteger(fields, 'used_memory')).toBe(989552);
      expect(infoInteger(fields, 'maxmemory')).toBe(0);
      expect(fields.get('maxmemory_policy')).toBe('noeviction');
      expect(fields.has('# Memory')).toBe(false);
    }
  });

  it('gives undefined for a missing or malformed number instead of NaN', () => {
    const fields = parseRedisInfo('used_memory:12k\r\n');
    expect(infoInteger(fields, 'used_memory')).toBeUndefined();
    expect(infoInteger(fields, 'maxmemory')).toBeUndefined();
  });
});

describe('countLiveWorkers', () => {
  it('counts true statuses and detailed workers not marked dead', () => {
    expect(countLiveWorkers('{"b@w": true, "a@w": true, "c@w": false}')).toEqual({
      live: ['a@w', 'b@w'],
      dead: ['c@w'],
    });
    expect(countLiveWorkers('{"a@w": {"stats": {}}, "b@w": {"status": false}}')).toEqual({
      live: ['a@w'],
      dead: ['b@w'],
    });
  });

  it('refuses what is not an object of workers', () => {
    for (const body of ['', 'null', '[]', '"x"', '{"a@w": 3}', '{"a@w": [true]}', 'Bad Gateway']) {
      expect(countLiveWorkers(body)).toBeUndefined();
    }
  });
});

describe('service URLs', () => {
  it('shows host, port and path without credentials, and joins paths once', () => {
    expect(displayUrl('http://admin:admin@10.0.0.3:5555/', '5555')).toBe('10.0.0.3:5555');
    expect(displayUrl('redis://:pw@10.0.0.3/1', '6379')).toBe('10.0.0.3:6379/1');
    expect(joinUrl('http://h:9000/', '/minio/health/live')).toBe('http://h:9000/minio/health/live');
  });
});
