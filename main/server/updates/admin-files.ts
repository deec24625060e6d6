import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HallBackend } from '../hall-backend.ts';
import { hallDiagnostics } from './hall-diagnostics.ts';
import { isReleaseFileName, publishedReleases } from './release-folder.ts';

export type AdminFilesOptions = { backend: HallBackend; releasesDir: string; dataDir: string; hallVersion: string };

/** Installers run to a few hundred MB; the JSON API's 1 MB limit is not for them. */
const UPLOAD_LIMIT_BYTES = 1024 * 1024 * 1024;

const refuse = (reply: FastifyReply, status: number, code: string, messageKey: string) => reply.status(status).send({ ok: false, error: { code, messageKey } });

/** The administrator behind a request's bearer token, or undefined. */
async function administrator(backend: HallBackend, request: FastifyRequest): Promise<{ staffId: number } | undefined> {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const caller = await backend.resolve(token);
  return caller.kind === 'staff' && caller.roles.includes('admin') ? { staffId: caller.staffId } : undefined;
}

/**
 * What the manager's desk moves as files rather than JSON, for the administrator only:
 * GET /api/updates/releases (what the release folder offers, per platform), PUT
 * /api/updates/files/<name> (a release file streamed into the folder: written aside, then
 * renamed, so a PC never downloads half an installer; audited), and GET /api/diagnostics.zip
 * (导出诊断信息: logs, versions, schema and devices, no personal data; audited).
 */
export async function registerAdminFiles(app: FastifyInstance, options: AdminFilesOptions): Promise<void> {
  const { backend, releasesDir } = options;
  const audit = (action: string, actor: number, target: string, after: unknown) => backend.audit(actor, { action, target, after });

  app.get('/api/updates/releases', async (request, reply) => {
    if (!(await administrator(backend, request))) return refuse(reply, 403, 'forbidden', 'errors.forbidden');
    return { ok: true, value: { hallVersion: options.hallVersion, releases: publishedReleases(releasesDir) } };
  });

  await app.register(async (scope) => {
    // The body stays a stream: it goes to disk as it arrives.
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.put<{ Params: { name: string } }>('/api/updates/files/:name', { bodyLimit: UPLOAD_LIMIT_BYTES }, async (request, reply) => {
      const admin = await administrator(backend, request);
      if (!admin) return refuse(reply, 403, 'forbidden', 'errors.forbidden');
      const { name } = request.params;
      if (!isReleaseFileName(name)) return refuse(reply, 400, 'validation', 'errors.releaseFileName');
      const partial = join(releasesDir, `.upload-${process.pid}-${name}`);
      try {
        // The content type parser above hands the body on as the request's stream.
        if (!(request.body instanceof Readable)) return refuse(reply, 400, 'validation', 'errors.malformed');
        await pipeline(request.body, createWriteStream(partial, { mode: 0o644 }));
        renameSync(partial, join(releasesDir, name));
      } catch (error) {
        rmSync(partial, { force: true });
        throw error;
      }
      const release = publishedReleases(releasesDir);
      await audit('updates.upload', admin.staffId, `file:${name}`, { name, releases: release.map((r) => ({ platform: r.platform, version: r.version })) });
      return { ok: true, value: { name, releases: release } };
    });
  });

  app.get('/api/diagnostics.zip', async (request, reply) => {
    const admin = await administrator(backend, request);
    if (!admin) return refuse(reply, 403, 'forbidden', 'errors.forbidden');
    const made = hallDiagnostics({ dataDir: options.dataDir, hallVersion: options.hallVersion, now: backend.now() });
    await audit('diagnostics.export', admin.staffId, 'diagnostics', { logFiles: made.logFiles });
    return reply.type('application/zip').header('Content-Disposition', `attachment; filename="${made.fileName}"`).send(Buffer.from(made.zip));
  });
}
