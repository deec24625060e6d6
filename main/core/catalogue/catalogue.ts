import { z } from 'zod';

/**
 * The business catalogue a hall manager edits: utilities, their businesses (materials, time
 * limits, fees) and joint bundles ("one thing", 一件事). It is published in numbered versions;
 * an application keeps a copy of the rules and prices it was accepted under (see
 * catalogue-snapshot.ts), so editing a price never changes what a customer already signed.
 *
 * Materials are defined once at catalogue level and referenced by code from each business:
 * "the same code is the same document" is what lets a joint form ask for the ID card once
 * for four utilities. Whether a material may be deferred is the business's call.
 */

/** The twelve kinds of business a joint window accepts for any utility. */
export const businessKinds = [
  'newConnection', // 报装
  'transfer', // 过户
  'rename', // 更名
  'suspend', // 报停 / 停机
  'resume', // 复供 / 复机
  'closeAccount', // 销户
  'repair', // 报修
  'meterTest', // 校表 (telecom: billing check)
  'dataChange', // 资料修改
  'invoice', // 开具发票
  'paymentEnquiry', // 缴费查询
  'cardMeterReplacement', // 卡表换远传表 (telecom: SIM card replacement)
] as const;

/** Codes are stable identifiers in files, work orders and exports: camelCase ASCII. */
export const codeSchema = z.string().regex(/^[a-z][A-Za-z0-9]{1,47}$/, { message: 'field.codeFormat' });

export const namesSchema = z.object({
  zh: z.string().trim().min(1).max(80),
  en: z.string().trim().min(1).max(120),
});
export type Names = z.output<typeof namesSchema>;

const noteSchema = z.object({ zh: z.string().trim().max(500), en: z.string().trim().max(800) });

export const utilitySchema = z.object({
  code: codeSchema,
  names: namesSchema,
  /** One character for badges and ticket screens: 水 电 气 讯. */
  short: z.string().trim().min(1).max(2),
});

export const materialSchema = z.object({ code: codeSchema, names: namesSchema, note: noteSchema.optional() });
export type Material = z.output<typeof materialSchema>;

export const materialRequirementSchema = z.object({
  code: codeSchema,
  /** 容缺: the window may accept without it against a promised date. */
  deferrable: z.boolean(),
  /** Required only in this case (委托他人办理时); the clerk may then mark it not applicable. */
  condition: namesSchema.optional(),
});
export type MaterialRequirement = z.output<typeof materialRequirementSchema>;

export const stageSchema = z.object({
  code: codeSchema,
  names: namesSchema,
  /** 0 means the stage finishes on the working day it starts (即办). */
  limitWorkingDays: z.number().int().min(0).max(365),
});

export const feeItemSchema = z.object({
  code: codeSchema,
  names: namesSchema,
  /**
   * Per unit, in fen (分): integers add up exactly where yuan in floating point would not. A
   * negative price is a deduction, e.g. the remaining value of a card meter per remaining year.
   */
  priceFen: z.number().int().min(-10_000_000).max(10_000_000),
  unit: namesSchema,
  /** Optional items are offered, never imposed: the customer chooses them on the fee list. */
  mandatory: z.boolean(),
  legalBasis: z.string().trim().min(1).max(300),
  note: noteSchema.optional(),
});

export const businessSchema = z
  .object({
    code: codeSchema,
    utility: codeSchema,
    kind: z.enum(businessKinds),
    names: namesSchema,
    materials: z.array(materialRequirementSchema).max(40),
    timeLimitWorkingDays: z.number().int().min(0).max(365),
    stages: z.array(stageSchema).min(1).max(12),
    fees: z.array(feeItemSchema).max(40),
    active: z.boolean().default(true),
  })
  .superRefine((b, ctx) => {
    const total = b.stages.reduce((sum, s) => sum + s.limitWorkingDays, 0);
    // Stages run one after another inside the work order's limit (see stageDeadlines).
    if (total > b.timeLimitWorkingDays) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'field.stagesExceedTimeLimit' });
    duplicates(b.materials, ['materials'], ctx);
    duplicates(b.stages, ['stages'], ctx);
    duplicates(b.fees, ['fees'], ctx);
  });
export type Business = z.output<typeof businessSchema>;

export const bundleSchema = z.object({
  code: codeSchema,
  names: namesSchema,
  businessCodes: z.array(codeSchema).min(2).max(20),
});

export const catalogueSchema = z
  .object({
    utilities: z.array(utilitySchema).min(1).max(20),
    materials: z.array(materialSchema).max(200),
    businesses: z.array(businessSchema).max(500),
    bundles: z.array(bundleSchema).max(50),
  })
  .superRefine((c, ctx) => {
    duplicates(c.utilities, ['utilities'], ctx);
    duplicates(c.materials, ['materials'], ctx);
    duplicates(c.businesses, ['businesses'], ctx);
    duplicates(c.bundles, ['bundles'], ctx);
    const utilities = new Set(c.utilities.map((u) => u.code));
    const materials = new Set(c.materials.map((m) => m.code));
    const businesses = new Set(c.businesses.map((b) => b.code));
    c.businesses.forEach((b, i) => {
      if (!utilities.has(b.utility)) ctx.addIssue({ code: 'custom', path: ['businesses', i, 'utility'], message: 'field.unknownUtility' });
      b.materials.forEach((m, j) => {
        if (!materials.has(m.code)) ctx.addIssue({ code: 'custom', path: ['businesses', i, 'materials', j, 'code'], message: 'field.unknownMaterial' });
      });
    });
    c.bundles.forEach((bundle, i) => {
      bundle.businessCodes.forEach((code, j) => {
        if (!businesses.has(code)) ctx.addIssue({ code: 'custom', path: ['bundles', i, 'businessCodes', j], message: 'field.unknownBusiness' });
      });
    });
  });
/** What a manager writes: `active` may be left out. */
export type CatalogueInput = z.input<typeof catalogueSchema>;
export type Catalogue = z.output<typeof catalogueSchema>;

/** A published catalogue. Versions count up from 1; an application records the one it used. */
export const catalogueVersionSchema = z.object({
  version: z.number().int().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
  catalogue: catalogueSchema,
});
export type CatalogueVersion = z.output<typeof catalogueVersionSchema>;

function duplicates(items: readonly { code: string }[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: [...path, i, 'code'], message: 'field.duplicateCode' });
    seen.add(item.code);
  });
}
