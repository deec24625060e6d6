import { describe, expect, it } from 'vitest';
import { fill, ticketText } from './ticket-text.ts';

describe('ticket text', () => {
  it('loads both languages from the ticket locale namespace', () => {
    expect(ticketText.zh.ahead).toContain('{{ahead}}');
    expect(ticketText.en.wait).toContain('{{minutes}}');
  });

  it('fills {{placeholders}} and leaves unknown ones visible', () => {
    expect(fill('前方等候 {{ahead}} 人', { ahead: 3 })).toBe('前方等候 3 人');
    expect(fill('{{ a }}-{{b}}', { a: 'x' })).toBe('x-{{b}}');
  });
});
