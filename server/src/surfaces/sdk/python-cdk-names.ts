/**
 * How a Python file names a CDK class (`cognito.OAuthFlows`, `OAuthFlows`, `cdk.Duration`), so that
 * quick fixes and completion write classes the way the file already does: as it is qualified
 * somewhere in the file; bare when imported by name (`from aws_cdk.aws_cognito import OAuthFlows`);
 * else through the module's import (`from aws_cdk import aws_cognito as cognito`,
 * `import aws_cdk.aws_cognito as cognito`, `import aws_cdk as cdk`); else as another class of the
 * same module is qualified; else bare. Read from the text only (imports are at the top of a module,
 * and a guess never executes anything).
 */

/** The classes of `aws_cdk.aws_cognito` whose qualifier tells the file's alias for the module. */
const COGNITO_CLASSES = ['UserPoolClient', 'UserPool', 'OAuthSettings', 'OAuthFlows', 'OAuthScope', 'AuthFlow', 'ClientAttributes', 'UserPoolClientIdentityProvider', 'AnalyticsConfiguration', 'CfnUserPoolClient'];

/**
 * Text with comments and string bodies blanked (same length), so that names in them do not count:
 * what `text.replace(/#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, ...)` gives, in one pass.
 * That pattern started again after each quote a string that does not close on its line, each
 * start scanning to the line's end: quadratic, 115 s of CPU for a quick fix beside a 500 KB line of
 * `\"` (fuzz seed 4242 index 96466). A quote inside a string found not to close is escaped, so a
 * string started there cannot close either: it is skipped. Remembered for the last text.
 */
export function code(text: string): string {
  if (lastCode?.text === text) return lastCode.code;
  const parts: string[] = [];
  let last = 0;
  // Up to where a string opened by `"` (by `'`) is known not to close.
  const failsBefore: Record<number, number> = { 34: -1, 39: -1 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      parts.push(text.slice(last, i), ' '.repeat(end - i));
      last = end;
      i = end - 1;
    } else if ((c === 34 || c === 39) && i >= failsBefore[c]) {
      const end = stringEnd(text, i, c);
      if (end < 0) {
        failsBefore[c] = -end;
        continue;
      }
      parts.push(text.slice(last, i), text[i], ' '.repeat(end - i - 2), text[end - 1]);
      last = end;
      i = end - 1;
    }
  }
  parts.push(text.slice(last));
  const blanked = parts.join('');
  lastCode = { text, code: blanked };
  return blanked;
}

let lastCode: { text: string; code: string } | undefined;

/**
 * Where the string opened by the quote `q` at `open` ends (after its closing quote), or minus the
 * offset where it is found not to close: a line break, or a backslash before a line terminator or
 * the end (the pattern's `\\.` does not match a line terminator).
 */
function stringEnd(text: string, open: number, q: number): number {
  for (let j = open + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === q) return j + 1;
    if (c === 10) return -j;
    if (c === 92 /* \ */) {
      const next = text.charCodeAt(j + 1);
      if (j + 1 >= text.length || next === 10 || next === 13 || next === 0x2028 || next === 0x2029) return -j;
      j++;
    }
  }
  return -text.length;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `from <module> import ...` (parenthesised or not) imports `name` under its own name. */
function importsByName(src: string, module: string, name: string): boolean {
  const re = new RegExp(`^[ \\t]*from\\s+${escape(module)}\\s+import\\s+(\\([^()]*\\)|[^\\n]*)`, 'gm');
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const names = m[1].replace(/[()\\]/g, ' ').split(',').map((x) => x.trim());
    if (names.includes(name)) return true;
  }
  return false;
}

/** The alias a module is imported under (`from parent import leaf as X`, `import a.b as X`, `import a.b`). */
function moduleAlias(src: string, module: string): string | undefined {
  const dot = module.lastIndexOf('.');
  if (dot > 0) {
    const parent = module.slice(0, dot);
    const leaf = module.slice(dot + 1);
    const re = new RegExp(`^[ \\t]*from\\s+${escape(parent)}\\s+import\\s+(\\([^()]*\\)|[^\\n]*)`, 'gm');
    for (let m = re.exec(src); m; m = re.exec(src)) {
      for (const part of m[1].replace(/[()\\]/g, ' ').split(',')) {
        const n = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
        if (n && n[1] === leaf) return n[2] ?? leaf;
      }
    }
  }
  const asAlias = new RegExp(`^[ \\t]*import\\s+${escape(module)}\\s+as\\s+(\\w+)`, 'm').exec(src);
  if (asAlias) return asAlias[1];
  if (new RegExp(`^[ \\t]*import\\s+${escape(module)}\\s*$`, 'm').test(src)) return module;
  return undefined;
}

/** How the file writes a class of the CDK: `Duration` (module `aws_cdk`) or a class of `aws_cdk.aws_cognito`. */
export function pythonCdkClass(text: string, name: string): string {
  const src = code(text);
  const written = new RegExp(`(?<![\\w.])((?:[A-Za-z_]\\w*\\.)+)${escape(name)}\\b`).exec(src);
  if (written) return `${written[1]}${name}`;
  const module = name === 'Duration' ? 'aws_cdk' : 'aws_cdk.aws_cognito';
  if (importsByName(src, module, name)) return name;
  const alias = moduleAlias(src, module);
  if (alias) return `${alias}.${name}`;
  if (module !== 'aws_cdk') {
    const other = new RegExp(`(?<![\\w.])((?:[A-Za-z_]\\w*\\.)+)(?:${COGNITO_CLASSES.join('|')})\\b`).exec(src);
    if (other) return `${other[1]}${name}`;
  }
  return name;
}
