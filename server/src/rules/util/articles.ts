/**
 * The indefinite article for a word in a message, chosen by how the word is said rather than by
 * its first letter: `an AWS::S3::Bucket`, `an ID token`, `an S3 bucket`, `an UpdateUserPoolClient
 * call`, `an hour`, `an 8-hour window`, but `a user pool`, `a URL`, `a JSON template`, `a one-time
 * code`, `a SAML provider`, `a Custom::Thing`.
 */

/** Capital letters whose name starts with a vowel sound (`an F`, `an H`, `an S`...). */
const VOWEL_LETTERS = new Set('AEFHILMNORSX');

/** Upper-case words said as words rather than letter by letter. */
const SAID_AS_WORDS = new Set(['SAML', 'SAM', 'NASA']);

/** Lower-case beginnings where a vowel letter sounds like a consonant (`a user`, `a one`, `a euro`). */
const CONSONANT_SOUND = /^(one\b|once|eu|ewe|uni(?!n)|use|usu|uti|uri|ure|ura|ubi|uvu)/;

/** Lower-case beginnings where a consonant letter is silent (`an hour`, `an honest`). */
const SILENT_H = /^(hour|honest|honou?r|heir)/;

/** `a` or `an` for the phrase's first word. */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = /[A-Za-z0-9]+/.exec(phrase.replace(/^[\s"'`(*[]+/, ''))?.[0];
  if (!word) return 'a';
  if (/^\d/.test(word)) {
    // eight, eleven, eighteen, eighty, eight hundred, eleven thousand...
    return /^(8|1[18](\d{3})*$)/.test(word) ? 'an' : 'a';
  }
  const letters = /^[A-Z]+/.exec(word)?.[0] ?? '';
  const acronym = /^[A-Z][A-Z0-9]*s?$/.test(word) && (letters.length >= 2 || word.length === 1 || /\d/.test(word));
  if (acronym && !SAID_AS_WORDS.has(letters)) return VOWEL_LETTERS.has(word[0]) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (SILENT_H.test(lower)) return 'an';
  if (CONSONANT_SOUND.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** The phrase with its indefinite article: `an AWS::S3::Bucket`. */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}
