import type { Result } from '../../main/core/api/errors.ts';

export type ExcelFile = { fileName: string; base64: string };

/** Asks the hall server for the report's workbook, in the screen's language and words. */
export type ExcelRequest = (lang: 'zh-CN' | 'en-US', labels: Record<string, string>) => Promise<Result<ExcelFile>>;
