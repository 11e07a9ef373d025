/**
 * The rule list as Markdown, generated from the rules themselves: the README's table (between
 * `<!-- rules:start -->` and `<!-- rules:end -->`) and docs/rules.md. A test checks both are
 * current; `npm run docs` rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientDefinition, SurfaceKind } from '../../server/src/model';
import { rules } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';

export const repoRoot = join(__dirname, '..', '..', '..');

const surfaceNames: Record<SurfaceKind, string> = { cloudformation: 'CloudFormation', terraform: 'Terraform', sdk: 'SDK calls' };

/** A rule's default severity in words (it may depend on the surface). */
export function severityText(rule: Rule): string {
  if (typeof rule.severity === 'string') return rule.severity;
  const bySeverity = new Map<string, string[]>();
  for (const surface of ['cloudformation', 'terraform', 'sdk'] as SurfaceKind[]) {
    const def = { surface, operation: surface === 'sdk' ? 'create' : 'resource' } as ClientDefinition;
    const s = rule.severity(def);
    bySeverity.set(s, [...(bySeverity.get(s) ?? []), surfaceNames[surface]]);
  }
  if (bySeverity.size === 1) return [...bySeverity.keys()][0];
  return [...bySeverity.entries()].map(([s, where]) => `${s} (${where.join(', ')})`).join(', ');
}

/** The README table. */
export function readmeTable(): string {
  const lines = ['| Rule | Default severity | Quick fix | What it catches |', '|---|---|---|---|'];
  for (const r of rules) {
    lines.push(`| [\`${r.id}\`](docs/rules.md#${r.id}) | ${severityText(r)} | ${r.fixable ? 'yes' : '—'} | ${r.description} |`);
  }
  return lines.join('\n');
}

/** docs/rules.md. */
export function rulesDoc(): string {
  const out = [
    '# Rules',
    '',
    'Generated from the rules in `server/src/rules/` by `npm run docs`; do not edit by hand.',
    'Every rule id is the diagnostic `code`, the CLI `rule`, the key of its severity setting',
    '(`cognitoClient.rules` in VS Code, `--rule id=severity|off` in the CLI).',
    '',
  ];
  for (const r of rules) {
    out.push(`## ${r.id}`, '', `- Default severity: ${severityText(r)}`, `- Quick fix: ${r.fixable ? 'yes' : 'no'}`, '', r.description, '');
  }
  return out.join('\n');
}

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** The README with its rule table replaced by the current one. */
export function readmeWithTable(readme: string): string {
  const i = readme.indexOf(START);
  const j = readme.indexOf(END);
  if (i < 0 || j < i) throw new Error('README has no rules markers');
  return readme.slice(0, i + START.length) + '\n' + readmeTable() + '\n' + readme.slice(j);
}

if (require.main === module) {
  const readmePath = join(repoRoot, 'README.md');
  writeFileSync(readmePath, readmeWithTable(readFileSync(readmePath, 'utf8')));
  writeFileSync(join(repoRoot, 'docs', 'rules.md'), rulesDoc());
  process.stdout.write('README.md and docs/rules.md updated\n');
}
