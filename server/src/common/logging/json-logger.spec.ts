import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPino, JsonLogger } from './json-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: new JsonLogger(createPino('info', stream)) };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with level, time, message and Nest context', () => {
    const { lines, logger } = capture();
    logger.log('server started', 'Bootstrap');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'server started',
      context: 'Bootstrap',
      service: 'tidepool-api',
    });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('keeps structured fields and serialises errors', () => {
    const { lines, logger } = capture();
    logger.error({ msg: 'request failed', err: new Error('boom'), code: 'INTERNAL_ERROR' }, 'Filter');
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'request failed',
      code: 'INTERNAL_ERROR',
      context: 'Filter',
    });
    expect((lines[0]?.err as { message: string }).message).toBe('boom');
  });

  it('never writes secrets such as a WeChat session_key, tokens or passwords', () => {
    const { lines, logger } = capture();
    logger.log({
      msg: 'login',
      wx: { openid: 'o1', session_key: 'SECRET1' },
      user: { password: 'SECRET2', accessToken: 'SECRET3' },
    });
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/SECRET/);
    expect(text).toContain('[redacted]');
    expect(text).toContain('o1');
  });

  it('drops debug lines below the configured level', () => {
    const { lines, logger } = capture();
    logger.debug('noise');
    expect(lines).toHaveLength(0);
  });
});
