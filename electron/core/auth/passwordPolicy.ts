// Which passwords an account may not have (core). The contract already asks for 8 to 200
// characters; here the core refuses what a guesser tries first: the user name itself, one character
// repeated, and the commonest passwords of public leak lists — the international ranking that
// zxcvbn-ts ships, and the leading ones of Chinese leaks, which it lacks.
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../../shared/api/errors';

/** How far down the frequency-ranked list counts as "commonest". */
const RANKED_TAKEN = 10_000;

/** Leading passwords of published analyses of Chinese leaks (CSDN 2011, 12306 2014), 8+ characters. */
const CHINESE_COMMON = [
  '123456789', '12345678', '11111111', 'dearbook', '00000000', '123123123', '1234567890', '88888888',
  '111111111', '147258369', '987654321', 'aaaaaaaa', '1111111111', '66666666', 'a123456789', '11223344',
  '1qaz2wsx', 'xiazhili', '789456123', 'password', '87654321', 'qqqqqqqq', '000000000', 'qwertyuiop',
  'qq123456', 'iloveyou', '31415926', '12344321', '0000000000', 'asdfghjkl', '1q2w3e4r', '123456abc',
  '0123456789', '123654789', '12121212', 'qazwsxedc', 'abcd1234', '12341234', '110110110', 'asdasdasd',
  '123456aa', '22222222', '123321123', 'abc123456', 'a12345678', '123456123', 'a1234567', '1234qwer',
  'qwe123456', 'woaini1314', '5201314520', '520520520', '1314520520', 'woaini520', 'woaini123',
  '147852369', '159357456', '123qweasd', 'zxcvbnm123', '1qazxsw2', '12qwaszx', 'aini1314', 'woaiwojia',
  '7758521521', '5211314521', 'iloveyou1314', '123456qq', 'qwer1234', '1234abcd', 'abcd123456',
  '123456789a', 'aa123456', 'woaini1314520', '321654987', '741852963', '99999999', '77777777',
];

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set([...dictionary['passwords-common'].slice(0, RANKED_TAKEN), ...CHINESE_COMMON].map((p) => p.toLowerCase()));
  return common;
}

export type PasswordProblem = 'passwordUsername' | 'passwordSame' | 'passwordCommon';

/** The user name, once or more, with only digits or punctuation around it: admin123, 2026clerk!, t0001, clerkclerk. */
function withNameOnly(password: string, name: string): boolean {
  if (!password.includes(name)) return false;
  const rest = password.split(name).join('');
  return /^[\p{N}\p{P}\p{S}\s]*$/u.test(rest);
}

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const p = password.normalize('NFKC').toLowerCase();
  const name = username.toLowerCase();
  if (p === name || p === [...name].reverse().join('') || withNameOnly(p, name)) return 'passwordUsername';
  if (/^(.)\1*$/su.test(p)) return 'passwordSame';
  if (commonPasswords().has(p)) return 'passwordCommon';
  return null;
}

/** Refuses a password at the field it was typed into (`path`), in words the form shows there. */
export function assertPasswordAllowed(password: string, username: string, path: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path, message: problem }]);
}
