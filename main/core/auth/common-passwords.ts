/**
 * Passwords of twelve characters or more that guessing lists try first (the leaked-password
 * top lists, and the keyboard and birthday patterns common in Chinese offices), lowercased.
 * With the twelve-character minimum, shorter ones are refused anyway.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890ab', '1234567890qw', '123456789abc', '123456abcdef', '1q2w3e4r5t6y', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv',
  'a1234567890', 'a123456789012', 'aa1234567890', 'abc123456789', 'abc1234567890', 'abcd12345678', 'abcdefg12345', 'admin1234567', 'admin123456789',
  'administrator', 'administrator1', 'asdfghjkl123', 'iloveyou1234', 'password1234', 'password12345', 'password123456', 'passw0rd1234', 'p@ssw0rd1234',
  'qazwsxedc123', 'qwerty123456', 'qwertyuiop12', 'qwertyuiop123', 'qwer1234asdf', 'zaq12wsxcde3', 'zxcvbnm12345', 'woaini123456', 'woaini1314520',
  'aa123456789a', 'a12345678910', 'welcome12345', 'changeme1234', 'letmein12345', 'football1234', 'monkey123456', 'dragon123456', 'master123456',
  'hello1234567', 'test12345678', 'test123456789', 'user12345678', 'guest1234567', 'root12345678', 'hall12345678', 'onewindow123', 'onewindow1234',
  'yichuangtong1', 'zhengwu12345', 'zhengwu123456', 'dating123456', 'china1234567', 'beijing12345', 'shanghai1234', 'chongqing123', 'chongqing1234',
  '2026password', 'password2026', 'password2025', 'password2024', 'admin2026admin', 'qwe123qwe123', 'abc123abc123', 'a1b2c3d4e5f6', '147258369abc',
  '13579abcdefg', '5201314abcde', 'aaaaaa111111', 'qqqqqq111111', '111111aaaaaa', '123123123123a', 'abcabcabc123',
]);

/** A password made of one character, or of a run up or down the digits or letters ("123456789012"), is no password. */
export function isTrivialPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON_PASSWORDS.has(p)) return true;
  if (new Set(p).size <= 2) return true;
  const codes = [...p].map((c) => c.charCodeAt(0));
  const steps = new Set(codes.slice(1).map((c, i) => c - (codes[i] ?? 0)));
  return steps.size === 1 && [1, -1].includes([...steps][0] ?? 0);
}
