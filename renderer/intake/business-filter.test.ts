import { describe, expect, it } from 'vitest';
import { filterBusinesses, searchable } from './business-filter.ts';
import { loadReadings } from './pinyin.ts';

// Names as the default catalogue has them (main/core/catalogue/default-catalogue.json; the renderer does not import it).
const names = [
  ['waterNewConnection', '供水报装', 'Water new connection'],
  ['waterTransfer', '供水过户', 'Water transfer'],
  ['waterMeterTest', '水表校验', 'Water meter test'],
  ['electricityTransfer', '供电过户', 'Electricity transfer'],
  ['gasNewConnection', '燃气报装（标准制式项目）', 'Gas connection (standard project)'],
  ['gasTransfer', '燃气过户', 'Gas transfer'],
  ['gasRename', '燃气更名', 'Gas rename'],
  ['gasCardMeterReplacement', 'IC卡燃气表换远传燃气表', 'Gas card-meter replacement'],
  ['telecomTransfer', '固话/宽带过户', 'Fixed-line / broadband transfer'],
] as const;

describe('the business quick filter', async () => {
  // The real pinyin-pro, as the counter loads it.
  const readingsOf = await loadReadings();
  const items = names.map(([code, zh, en]) => searchable(code, { zh, en }, readingsOf));
  const find = (query: string) => filterBusinesses(items, query);

  it('finds 燃气过户 by its 拼音 initials, and only it', () => {
    expect(find('rqgh')).toEqual(['gasTransfer']);
    expect(find('RQGH')).toEqual(['gasTransfer']);
    expect(find('ｒｑｇｈ')).toEqual(['gasTransfer']);
  });

  it('lists what begins with the query before what holds it, in the catalogue order', () => {
    expect(find('rq')).toEqual(['gasNewConnection', 'gasTransfer', 'gasRename', 'gasCardMeterReplacement']);
    expect(find('gh')).toEqual(['telecomTransfer', 'waterTransfer', 'electricityTransfer', 'gasTransfer']);
  });

  it('finds by 汉字, by whole 拼音 and by the English name', () => {
    expect(find('供水')).toEqual(['waterNewConnection', 'waterTransfer']);
    expect(find('过户')).toEqual(['waterTransfer', 'electricityTransfer', 'gasTransfer', 'telecomTransfer']);
    expect(find('ranqiguohu')).toEqual(['gasTransfer']);
    expect(find('gas tr')).toEqual(['gasTransfer']);
    // 校验 is read jiaoyan here, not xiaoyan: the reader takes words, not single characters.
    expect(find('sbjy')).toEqual(['waterMeterTest']);
  });

  it('finds nothing for an empty query or one that matches nothing', () => {
    expect(find('')).toEqual([]);
    expect(find('  ')).toEqual([]);
    expect(find('zzzz')).toEqual([]);
  });

  it('still finds by 汉字 before the 拼音 reader has loaded', () => {
    const bare = names.map(([code, zh, en]) => searchable(code, { zh, en }, undefined));
    expect(filterBusinesses(bare, '燃气过')).toEqual(['gasTransfer']);
    expect(filterBusinesses(bare, 'rqgh')).toEqual([]);
  });
});
