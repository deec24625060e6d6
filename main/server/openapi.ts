import { z } from 'zod';
import type { ContractShape } from '../core/api/method.ts';

/** OpenAPI 3.1 generated from the contract, so the document cannot drift from the code. */
export function buildOpenApi(contract: ContractShape, info: { version: string }) {
  const paths: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(contract)) {
    paths[`/api/${name}`] = {
      post: {
        operationId: name.replace('/', '_'),
        summary: spec.summary,
        tags: [name.split('/')[0]],
        'x-roles': spec.roles,
        security: spec.roles.includes('public') ? [] : [{ bearer: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) } },
        },
        responses: {
          200: {
            description: 'The method ran: `{ ok: true, value }`.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { ok: { const: true }, value: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }) },
                  required: ['ok', 'value'],
                },
              },
            },
          },
          default: {
            description: 'An error as data: `{ ok: false, error: { code, messageKey, details } }`.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'OneWindow hall API', version: info.version },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Failure: {
          type: 'object',
          properties: {
            ok: { const: false },
            error: {
              type: 'object',
              properties: { code: { type: 'string' }, messageKey: { type: 'string' }, details: { type: 'object' } },
              required: ['code', 'messageKey'],
            },
          },
          required: ['ok', 'error'],
        },
      },
    },
  };
}
