import type { BatchRecord } from '../../db/sync.ts';
import { type BatchHeader, wireId } from './protocol.ts';

/**
 * How a province's 政务服务“好差评” platform wants a rating: its field names, the national names
 * of the five levels and of the channels. A profile is data, one per province; the reference
 * profile below follows the national rules (国办发〔2019〕51号) and docs/rating-platform.md.
 * Who rated is never among the sources: the hall does not keep it (enqueueOutbox refuses it).
 */
export type RatingPlatformProfile = {
  id: string;
  /** Platform field → what it carries (a key of the rating record, or a derived value below). */
  fields: Readonly<Record<string, RatingSource>>;
  levelNames: Readonly<Record<1 | 2 | 3 | 4 | 5, string>>;
  channelNames: Readonly<Record<string, string>>;
};

export type RatingSource =
  | 'id'
  | 'version'
  | 'caseNumbers'
  | 'businesses'
  | 'hall'
  | 'window'
  | 'level'
  | 'levelName'
  | 'channelName'
  | 'ratedAt'
  | 'reasons'
  | 'comment'
  | 'staffWorkNo'
  | 'rectificationMeasures'
  | 'rectificationVerdict'
  | 'rectificationClosedAt';

export const referenceProfile: RatingPlatformProfile = {
  id: 'reference',
  fields: {
    pjbh: 'id', // 评价编号（本大厅内唯一）
    bbh: 'version', // 版本：整改与回访以新版本更新同一评价
    bjbh: 'caseNumbers', // 办件编号
    sxbm: 'businesses', // 事项编码
    ssztmc: 'hall', // 实施主体（大厅编码）
    ck: 'window', // 窗口
    pjdj: 'level', // 评价等级 1–5
    pjdjmc: 'levelName', // 评价等级名称
    pjqd: 'channelName', // 评价渠道
    pjsj: 'ratedAt', // 评价时间
    cpyy: 'reasons', // 差评原因
    cpnr: 'comment', // 差评内容
    gzrygh: 'staffWorkNo', // 工作人员工号
    zgjg: 'rectificationMeasures', // 整改结果
    hfjg: 'rectificationVerdict', // 回访结果
    zgwcsj: 'rectificationClosedAt', // 整改完成时间
  },
  levelNames: { 1: '非常满意', 2: '满意', 3: '基本满意', 4: '不满意', 5: '非常不满意' },
  channelNames: { screen: '窗口评价器', keypad: '窗口评价器', serial: '窗口评价器', hid: '窗口评价器', qr: '二维码' },
};

type RatingData = {
  level: 1 | 2 | 3 | 4 | 5;
  channel: string | null;
  ratedAt: string;
  window: number | null;
  staffWorkNo: string | null;
  reasons: string[];
  comment: string | null;
  matters: { caseNumber: string; business: string }[];
  rectification: { measures: string | null; verdict: string | null; closedAt: string | null } | null;
};

/** One rating in the platform's fields. */
export function mapRating(profile: RatingPlatformProfile, hall: string, record: BatchRecord): Record<string, unknown> {
  const data = JSON.parse(record.data) as RatingData;
  const value = (source: RatingSource): unknown => {
    switch (source) {
      case 'id':
        return wireId(record.type, record.recordId);
      case 'version':
        return record.version;
      case 'caseNumbers':
        return data.matters.map((m) => m.caseNumber);
      case 'businesses':
        return [...new Set(data.matters.map((m) => m.business))];
      case 'hall':
        return hall;
      case 'levelName':
        return profile.levelNames[data.level];
      case 'channelName':
        return data.channel ? (profile.channelNames[data.channel] ?? data.channel) : null;
      case 'rectificationMeasures':
        return data.rectification?.measures ?? null;
      case 'rectificationVerdict':
        return data.rectification?.verdict ?? null;
      case 'rectificationClosedAt':
        return data.rectification?.closedAt ?? null;
      default:
        return data[source];
    }
  };
  return Object.fromEntries(Object.entries(profile.fields).map(([field, source]) => [field, value(source)]));
}

/** The platform's protocol: onewindow.sync/2's signatures (the first line of what is signed), its own body. */
export const RATING_PROTOCOL = 'onewindow.rating/2';

/** The request body of onewindow.rating/2: the batch's ratings in the profile's fields. */
export function ratingPlatformBody(profile: RatingPlatformProfile, header: BatchHeader, records: readonly BatchRecord[]): string[] {
  return [
    JSON.stringify({
      protocol: RATING_PROTOCOL,
      profile: profile.id,
      hall: header.hall,
      batchId: header.batchId,
      createdAt: header.createdAt,
      ratings: records.map((r) => mapRating(profile, header.hall, r)),
    }),
  ];
}
