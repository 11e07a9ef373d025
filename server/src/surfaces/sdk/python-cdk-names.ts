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

/** Text with comments and string bodies blanked (same length), so that names in them do not count. */
function code(text: string): string {
  return text.replace(/#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => (m.startsWith('#') ? ' '.repeat(m.length) : m[0] + ' '.repeat(Math.max(0, m.length - 2)) + m[m.length - 1]));
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
