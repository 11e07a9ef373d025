#!/usr/bin/env node
/**
 * The per-file table of docs/mutation-testing.md from one or more `--json` reports of mutate.mjs
 * (a run split into chunks): `node test/mutate/table.mjs REPORT.json ...`. A file reported twice
 * counts from the last report that has it; a survivor whose key test/mutate/equivalent.json lists
 * now (added after that report was made) counts as explained; the open ones are listed after the
 * table.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const equivalent = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'equivalent.json'), 'utf8'));

const byFile = new Map();
for (const path of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const entry of report.files) byFile.set(entry.file, entry);
}
const rows = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
const total = { mutants: 0, killed: 0, explained: 0, open: 0 };
console.log('| Rule file | Mutants | Killed | Explained | Open |');
console.log('|---|---:|---:|---:|---:|');
const open = [];
for (const entry of rows) {
  const counted = entry.mutants
    .filter((m) => m.outcome !== 'invalid')
    .map((m) => (m.outcome === 'survived' && equivalent[m.key] ? { ...m, outcome: 'explained' } : m));
  const n = (outcome) => counted.filter((m) => m.outcome === outcome).length;
  const row = { mutants: counted.length, killed: n('killed'), explained: n('explained'), open: n('survived') };
  for (const k of Object.keys(total)) total[k] += row[k];
  open.push(...counted.filter((m) => m.outcome === 'survived').map((m) => m.key));
  const name = entry.file.replace(/^server\/src\/rules\//, '').replace(/\.ts$/, '');
  console.log(`| ${name} | ${row.mutants} | ${row.killed} | ${row.explained} | ${row.open} |`);
}
const pct = (x) => (total.mutants ? ((x / total.mutants) * 100).toFixed(1) : '100.0');
console.log(`| **Total (${rows.length} files)** | **${total.mutants}** | **${total.killed}** | **${total.explained}** | **${total.open}** |`);
console.log(`\nscore ${pct(total.killed + total.explained)} % (killed ${pct(total.killed)} %, explained ${pct(total.explained)} %)`);
if (open.length) console.log(`\nopen:\n${open.map((k) => `- ${k}`).join('\n')}`);
