import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { passwordSchema } from '../auth/schemas.ts';
import type { Logger } from '../../../common/logger.ts';
import type { Caller } from './caller.ts';
import { AppError, fail } from './errors.ts';
import { defineMethods, mergeContracts } from './method.ts';
import { createRegistry, type HandlersFor } from './registry.ts';

const notesContract = defineMethods({
  'notes/add': {
    summary: 'Adds a note.',
    roles: ['clerk', 'manager'],
    input: z.object({
      title: z.string().trim().min(3).max(10),
      body: z.string().trim().min(1),
      author: z.object({ workNo: z.string().min(1) }),
      password: passwordSchema.optional(),
      count: z.number().int().optional(),
    }),
    output: z.object({ id: z.number() }),
  },
  'notes/read': {
    summary: 'Reads notes.',
    roles: ['public'],
    input: z.object({}),
    output: z.object({ notes: z.array(z.string()) }),
  },
});

const adminContract = defineMethods({
  'admin/wipe': {
    summary: 'Admin only.',
    roles: ['admin'],
    input: z.object({}),
    output: z.object({}),
  },
  'admin/explode': {
    summary: 'Always fails.',
    roles: ['admin'],
    input: z.object({ how: z.enum(['app', 'plain']) }),
    output: z.object({}),
  },
});

const contract = mergeContracts(notesContract, adminContract);

const anonymous: Caller = { kind: 'anonymous' };
const clerk: Caller = { kind: 'staff', staffId: 1, workNo: 'C01', name: 'Clerk', roles: ['clerk'], tokenHash: 'c' };
const admin: Caller = { kind: 'staff', staffId: 2, workNo: 'A01', name: 'Admin', roles: ['admin'], tokenHash: 'a' };
const kiosk: Caller = { kind: 'device', deviceId: 1, name: 'Kiosk', role: 'kiosk', counterId: null, tokenHash: 'k' };

const SECRET = 'connection string postgres://user:hunter2@db';

const handlers: HandlersFor<typeof contract> = {
  'notes/add': () => ({ id: 7 }),
  'notes/read': () => ({ notes: ['hello'] }),
  'admin/wipe': () => ({}),
  'admin/explode': ({ how }) => {
    if (how === 'app') return fail('conflict', 'errors.noteTaken', { fields: [{ path: 'title', key: 'field.noteTaken' }] });
    throw new Error(SECRET);
  },
};

const recordingLogger = () => {
  const errors: { obj: object; msg?: string }[] = [];
  const logger: Logger = { info() {}, warn() {}, error: (obj, msg) => errors.push({ obj, msg }) };
  return { logger, errors };
};

const ready = () => {
  const { logger, errors } = recordingLogger();
  const registry = createRegistry(contract, logger);
  registry.register(contract, handlers);
  registry.assertComplete();
  return { registry, errors };
};

const validNote = { title: 'Hello', body: 'Text', author: { workNo: 'C01' } };

describe('mergeContracts', () => {
  it('throws when two domains declare the same method', () => {
    const again = defineMethods({ 'notes/read': notesContract['notes/read'] });
    expect(() => mergeContracts(notesContract, again)).toThrow('API method "notes/read" is declared twice');
  });

  it('joins distinct domains', () => {
    expect(Object.keys(contract).sort()).toEqual(['admin/explode', 'admin/wipe', 'notes/add', 'notes/read']);
  });
});

describe('defineMethods', () => {
  it('refuses a name that is not domain/verb', () => {
    expect(() => defineMethods({ addNote: notesContract['notes/read'] })).toThrow(/not domain\/verb/);
  });
});

describe('registry.register and assertComplete', () => {
  it('refuses to register a method twice', () => {
    const registry = createRegistry(contract, recordingLogger().logger);
    registry.register(notesContract, { 'notes/add': handlers['notes/add'], 'notes/read': handlers['notes/read'] });
    expect(() => registry.register(defineMethods({ 'notes/read': notesContract['notes/read'] }), { 'notes/read': handlers['notes/read'] })).toThrow(
      'handler "notes/read" is registered twice',
    );
  });

  it('refuses a handler for a method the contract does not declare', () => {
    const registry = createRegistry(notesContract, recordingLogger().logger);
    expect(() => registry.register(adminContract, { 'admin/wipe': handlers['admin/wipe'], 'admin/explode': handlers['admin/explode'] })).toThrow(
      'handler "admin/wipe" is not in the contract',
    );
  });

  it('lists every method without a handler', () => {
    const registry = createRegistry(contract, recordingLogger().logger);
    registry.register(notesContract, { 'notes/add': handlers['notes/add'], 'notes/read': handlers['notes/read'] });
    expect(() => registry.assertComplete()).toThrow('methods without a handler: admin/wipe, admin/explode');
  });

  it('passes once every method has a handler', () => {
    expect(() => ready()).not.toThrow();
  });
});

describe('registry.dispatch', () => {
  it('answers unknown_method for a name nobody declared, including inherited object keys', async () => {
    const { registry } = ready();
    expect(await registry.dispatch('notes/delete', {}, admin)).toEqual({
      ok: false,
      error: { code: 'unknown_method', messageKey: 'errors.unknownMethod' },
    });
    for (const name of ['toString', '__proto__', 'constructor']) {
      expect(await registry.dispatch(name, {}, admin)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('lets anyone call a public method', async () => {
    const { registry } = ready();
    expect(await registry.dispatch('notes/read', {}, anonymous)).toEqual({ ok: true, value: { notes: ['hello'] } });
    expect(await registry.dispatch('notes/read', undefined, kiosk)).toEqual({ ok: true, value: { notes: ['hello'] } });
  });

  it('asks an anonymous caller to sign in', async () => {
    const { registry } = ready();
    expect(await registry.dispatch('notes/add', validNote, anonymous)).toEqual({
      ok: false,
      error: { code: 'unauthenticated', messageKey: 'errors.unauthenticated' },
    });
  });

  it('forbids a signed-in caller without the role', async () => {
    const { registry } = ready();
    expect(await registry.dispatch('admin/wipe', {}, clerk)).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
    expect(await registry.dispatch('notes/add', validNote, kiosk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await registry.dispatch('notes/add', validNote, clerk)).toEqual({ ok: true, value: { id: 7 } });
  });

  it('checks the role before the input, so a stranger learns nothing about the schema', async () => {
    const { registry } = ready();
    expect(await registry.dispatch('notes/add', { title: 1 }, anonymous)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('reports each invalid field with its path and a locale key', async () => {
    const { registry } = ready();
    const result = await registry.dispatch('notes/add', { title: 'Hi', body: '   ', author: { workNo: '' }, password: 'longenough', count: 'five' }, clerk);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'validation',
        messageKey: 'errors.validation',
        details: {
          fields: [
            { path: 'title', key: 'field.tooShort', params: { min: 3 } },
            // Blank after trimming is "required", not "too short".
            { path: 'body', key: 'field.required', params: { min: 1 } },
            { path: 'author.workNo', key: 'field.required', params: { min: 1 } },
            // The schema's own key survives.
            { path: 'password', key: 'field.passwordTooShort', params: { min: 12 } },
            { path: 'password', key: 'field.passwordWeak' },
            { path: 'count', key: 'field.invalidType' },
          ],
        },
      },
    });
  });

  it('calls a missing field required and a too-long one too long', async () => {
    const { registry } = ready();
    const result = await registry.dispatch('notes/add', { title: 'Much too long a title' }, clerk);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        details: {
          fields: [
            { path: 'title', key: 'field.tooLong', params: { max: 10 } },
            { path: 'body', key: 'field.required' },
            { path: 'author', key: 'field.required' },
          ],
        },
      },
    });
  });

  it('calls a value outside an enum an invalid choice', async () => {
    const { registry } = ready();
    expect(await registry.dispatch('admin/explode', { how: 'loud' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'how', key: 'field.invalidChoice' }] } },
    });
  });

  it('passes an AppError from a handler through as data', async () => {
    const { registry, errors } = ready();
    expect(await registry.dispatch('admin/explode', { how: 'app' }, admin)).toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.noteTaken', details: { fields: [{ path: 'title', key: 'field.noteTaken' }] } },
    });
    expect(errors).toEqual([]);
  });

  it('turns any other error into internal, logs it and does not leak its text', async () => {
    const { registry, errors } = ready();
    const result = await registry.dispatch('admin/explode', { how: 'plain' }, admin);
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    // The operator can still find out what went wrong.
    expect(errors).toHaveLength(1);
    expect(errors[0]?.obj).toMatchObject({ method: 'admin/explode', err: expect.objectContaining({ message: SECRET }) });
  });

  it('keeps AppError usable as a thrown error with its api error attached', () => {
    const error = new AppError('locked', 'errors.accountLocked', { until: '2025-01-01T00:00:00.000Z' });
    expect(error).toBeInstanceOf(Error);
    expect(error.apiError).toEqual({ code: 'locked', messageKey: 'errors.accountLocked', details: { until: '2025-01-01T00:00:00.000Z' } });
  });
});
