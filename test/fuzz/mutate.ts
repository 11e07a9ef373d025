/**
 * The fuzzer's input side: a small seeded PRNG and the mutations it applies to real documents
 * (corpus, fixtures, examples). Everything is a pure function of the seed, so a case reproduces
 * from its seed and index alone.
 */

/** mulberry32: a tiny, fast 32-bit PRNG, good enough to pick mutations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of document `index` in a run seeded `seed` (each document reproduces alone). */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Characters worth inserting: structure of every syntax, quotes, escapes, odd Unicode. */
const PUNCTUATION = ['{', '}', '[', ']', '(', ')', ':', ',', '"', "'", '`', '-', '#', '//', '/*', '*/', '!', '&', '*', '|', '>', '<<', '=', '${', '%{', '\\', '\n', '\r\n', '\r', '\t', ' ', '...', '?'];
const ODD = ['\u0000', '\uFEFF', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\u2028', '\u2029', '\u200B', '\u00A0', '\u0085', 'é', '日本', '🦄', '\u202E', '\uFFFD', '\u0007', '\u001B[31m'];
const TAGS = ['!Ref', '!GetAtt', '!Sub', '!If', '!Join', '!Select', '!Split', '!FindInMap', '!ImportValue', '!Equals', '!Not', '!And', '!Or', '!Condition', '!Base64', '!Cidr', '!GetAZs', '!Transform', '!!str', '!!int', '!!map', '!!seq', '!Unknown'];
const WORDS = ['AWS::Cognito::UserPoolClient', 'Type', 'Properties', 'UserPoolId', 'AllowedOAuthFlows', 'CallbackURLs', 'ExplicitAuthFlows', 'GenerateSecret', 'RefreshTokenValidity', 'TokenValidityUnits', 'Fn::If', 'Fn::ForEach::Loop', 'Ref', 'resource', 'aws_cognito_user_pool_client', 'callback_urls', 'new UserPoolClient', 'CreateUserPoolClientCommand', 'create_user_pool_client', 'addClient', 'Duration.days(', 'true', 'null', '-1', '1e999', 'NaN', '0x10'];

function randomUnicode(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = rng.int(10);
    if (r < 3) out += rng.pick(ODD);
    else if (r < 5) out += String.fromCharCode(rng.int(0x10000)); // includes lone surrogates
    else if (r < 7) out += rng.pick(PUNCTUATION);
    else out += String.fromCharCode(32 + rng.int(95));
  }
  return out;
}

/** Offsets where a token of some kind starts or ends (for truncation at every kind of token). */
function tokenBoundaries(text: string): number[] {
  const out: number[] = [];
  const re = /[{}[\]():,"'`#=!&*|>\n-]|\s+|\w+/g;
  for (let m = re.exec(text); m && out.length < 20000; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** A mutation: a name for reports and a function of the text. */
export interface Mutation {
  name: string;
  apply(text: string, rng: Rng, ext: string): string;
}

const at = (text: string, rng: Rng) => rng.int(text.length + 1);

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'byte-flip',
    apply(text, rng) {
      const chars = [...text];
      const n = 1 + rng.int(8);
      for (let i = 0; i < n && chars.length > 0; i++) {
        const p = rng.int(chars.length);
        chars[p] = String.fromCharCode(chars[p].charCodeAt(0) ^ (1 << rng.int(8)));
      }
      return chars.join('');
    },
  },
  {
    name: 'truncate-at-token',
    apply(text, rng) {
      const b = tokenBoundaries(text);
      return b.length === 0 ? '' : text.slice(0, rng.pick(b));
    },
  },
  {
    name: 'truncate-inside-token',
    apply(text, rng) {
      return text.slice(0, at(text, rng));
    },
  },
  {
    name: 'delete-lines',
    apply(text, rng) {
      const ls = lines(text);
      const start = rng.int(ls.length);
      ls.splice(start, 1 + rng.int(3));
      return ls.join('');
    },
  },
  {
    name: 'duplicate-lines',
    apply(text, rng) {
      const ls = lines(text);
      const start = rng.int(ls.length);
      const block = ls.slice(start, start + 1 + rng.int(4));
      ls.splice(rng.int(ls.length + 1), 0, ...block);
      return ls.join('');
    },
  },
  {
    name: 'swap-lines',
    apply(text, rng) {
      const ls = lines(text);
      if (ls.length < 2) return text;
      const a = rng.int(ls.length);
      const b = rng.int(ls.length);
      [ls[a], ls[b]] = [ls[b], ls[a]];
      return ls.join('');
    },
  },
  {
    name: 'swap-tags',
    apply(text, rng) {
      const tags = /!(?:Ref|GetAtt|Sub|If|Join|Select|Split|FindInMap|ImportValue|Equals|Not|And|Or|Condition|Base64|Cidr|GetAZs|Transform)\b|Fn::\w+|\bRef\b/g;
      const found = [...text.matchAll(tags)];
      if (found.length === 0) return text.slice(0, at(text, rng)) + rng.pick(TAGS) + ' ' + text.slice(at(text, rng));
      let out = text;
      for (let i = found.length - 1; i >= 0; i--) {
        if (!rng.chance(0.5)) continue;
        const m = found[i];
        const replacement = m[0].startsWith('!') ? rng.pick(TAGS) : rng.chance(0.5) ? 'Fn::' + rng.pick(TAGS).slice(1) : rng.pick(TAGS);
        out = out.slice(0, m.index!) + replacement + out.slice(m.index! + m[0].length);
      }
      return out;
    },
  },
  {
    name: 'insert-unicode',
    apply(text, rng) {
      const p = at(text, rng);
      return text.slice(0, p) + randomUnicode(rng, 1 + rng.int(40)) + text.slice(p);
    },
  },
  {
    name: 'insert-punctuation',
    apply(text, rng) {
      let out = text;
      const n = 1 + rng.int(10);
      for (let i = 0; i < n; i++) {
        const p = at(out, rng);
        out = out.slice(0, p) + rng.pick(PUNCTUATION) + out.slice(p);
      }
      return out;
    },
  },
  {
    name: 'insert-words',
    apply(text, rng) {
      let out = text;
      const n = 1 + rng.int(5);
      for (let i = 0; i < n; i++) {
        const p = at(out, rng);
        out = out.slice(0, p) + rng.pick(WORDS) + out.slice(p);
      }
      return out;
    },
  },
  {
    name: 'deep-nesting',
    apply(text, rng, ext) {
      const depth = rng.pick([50, 199, 200, 201, 500, 3000, 20000]);
      const p = at(text, rng);
      const open = ext === '.py' || ext === '.ts' || ext === '.js' ? rng.pick(['(', '[', '{']) : rng.pick(['[', '{', '[{"a":']);
      const close = open === '(' ? ')' : open === '[' ? ']' : open === '{' ? '}' : '}]';
      const inner = open.repeat(depth) + (rng.chance(0.5) ? close.repeat(depth) : '');
      if (ext === '.yaml' || ext === '.yml' || ext === '.template') {
        if (rng.chance(0.5)) {
          // block nesting: one more indent per level
          let block = '';
          for (let d = 0; d < Math.min(depth, 3000); d++) block += ' '.repeat(d) + `k${d}:\n`;
          return text.slice(0, p) + '\n' + block + text.slice(p);
        }
      }
      return text.slice(0, p) + inner + text.slice(p);
    },
  },
  {
    name: 'huge-string',
    apply(text, rng) {
      const p = at(text, rng);
      const size = rng.pick([10_000, 100_000, 500_000]);
      const unit = rng.pick(['a', 'https://', '\\"', '${', ' ', 'é', 'x\n']);
      return text.slice(0, p) + unit.repeat(Math.ceil(size / unit.length)) + text.slice(p);
    },
  },
  {
    name: 'huge-list',
    apply(text, rng, ext) {
      const n = rng.pick([1000, 10_000, 50_000]);
      const p = at(text, rng);
      const item = rng.pick(['"https://a.example/cb"', '"code"', '1', '"ALLOW_USER_SRP_AUTH"', '"x"']);
      if ((ext === '.yaml' || ext === '.yml') && rng.chance(0.5)) {
        return text.slice(0, p) + '\n' + `  - ${item}\n`.repeat(n) + text.slice(p);
      }
      return text.slice(0, p) + '[' + Array(n).fill(item).join(', ') + ']' + text.slice(p);
    },
  },
  {
    name: 'alias-bomb',
    apply(text, rng) {
      // The billion-laughs shape: each level refers to the one before ten times.
      const levels = rng.pick([5, 9, 12]);
      let bomb = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      for (let i = 1; i < levels; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]\n`;
      const ls = lines(text);
      const p = rng.int(ls.length + 1);
      if (rng.chance(0.3)) bomb += `CallbackURLs: *a${levels - 1}\n`;
      ls.splice(p, 0, bomb);
      return ls.join('');
    },
  },
  {
    name: 'anchors',
    apply(text, rng) {
      const ls = lines(text);
      const a = rng.int(ls.length);
      ls[a] = ls[a].replace(/:\s*(\S)/, (m, c: string) => `: &x${rng.int(3)} ${c}`);
      const b = rng.int(ls.length);
      ls[b] = ls[b].replace(/:\s*\S.*$/, `: *x${rng.int(4)}`);
      if (rng.chance(0.3)) ls.splice(rng.int(ls.length), 0, `<<: *x${rng.int(3)}\n`);
      return ls.join('');
    },
  },
  {
    name: 'nul-bytes',
    apply(text, rng) {
      const p = at(text, rng);
      return text.slice(0, p) + '\u0000'.repeat(1 + rng.int(4)) + text.slice(p);
    },
  },
  {
    name: 'line-breaks',
    apply(text, rng) {
      return text.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r']));
    },
  },
  {
    name: 'bom',
    apply(text, rng) {
      return rng.chance(0.7) ? '\uFEFF' + text : text.slice(0, at(text, rng)) + '\uFEFF' + text;
    },
  },
  {
    name: 'tabs-for-spaces',
    apply(text, rng) {
      return text.replace(/^( {2})+/gm, (m) => (rng.chance(0.3) ? '\t'.repeat(m.length / 2) : m));
    },
  },
  {
    name: 'splice-other',
    apply(text, rng) {
      // A line from elsewhere in the same document, at another indent.
      const ls = lines(text);
      const src = ls[rng.int(ls.length)] ?? '';
      const p = rng.int(ls.length + 1);
      ls.splice(p, 0, ' '.repeat(rng.int(12)) + src.trimStart());
      return ls.join('');
    },
  },
  {
    name: 'random-noise',
    apply(_text, rng) {
      return randomUnicode(rng, rng.int(2000));
    },
  },
];

/** Apply 1-3 random mutations; returns the text and the names applied. */
export function mutate(text: string, rng: Rng, ext: string): { text: string; applied: string[] } {
  const n = 1 + rng.int(3);
  const applied: string[] = [];
  let out = text;
  for (let i = 0; i < n; i++) {
    const m = rng.pick(MUTATIONS);
    out = m.apply(out, rng, ext);
    applied.push(m.name);
  }
  return { text: out, applied };
}
