/**
 * In-file suppression of findings, the same for the language server and the CLI: a filter applied
 * to the engine's findings (see `./analysis.ts`), never a change to the rules.
 *
 * Three forms, each naming rule ids (unknown ids are ignored, never taken as "all"):
 * - a comment on the line before: `# cognito-client-disable-next-line <id>[, <id>...]` (`//` in
 *   languages whose comments start so); it covers findings that start on the next line only. With
 *   no id it covers every rule on that line.
 * - a file-level comment anywhere in the file: `# cognito-client-disable [<id>...]`; with no id it
 *   silences every rule in the file.
 * - a resource-level entry, where the surface has one (CloudFormation `Metadata`:
 *   `cognito-client: {ignore: [<id>...]}`), covering the findings inside that resource.
 * Anything after ` -- ` in a comment is a free-text reason and is not read as ids.
 *
 * This module knows no syntax: each surface finds its comments and metadata
 * (`./surfaces/suppressions.ts`), and hands back `Suppression`s.
 */
import type { Span } from './model';
import type { Finding } from './rules/types';
import type { SpanEdit } from './surfaces/types';

/** The word every directive starts with. */
export const DIRECTIVE_PREFIX = 'cognito-client';
/** The directive for the next line. */
export const DISABLE_NEXT_LINE = `${DIRECTIVE_PREFIX}-disable-next-line`;
/** The directive for the whole file. */
export const DISABLE_FILE = `${DIRECTIVE_PREFIX}-disable`;
/** The key of the resource-level metadata entry, and of its list of rule ids. */
export const METADATA_KEY = DIRECTIVE_PREFIX;
export const METADATA_IGNORE = 'ignore';

/** Which rules a suppression covers: the listed ids, or every rule. */
export type SuppressedRules = readonly string[] | 'all';

export interface Suppression {
  kind: 'next-line' | 'file' | 'resource';
  rules: SuppressedRules;
  /** Findings whose span starts inside this range (inclusive of its end) are suppressed. */
  scope: Span;
  /** Where the directive is written (the comment, or the metadata entry). */
  at: Span;
}

/** What a comment's text (without its `#` or `//`) says, if it is a directive. */
export interface Directive {
  kind: 'next-line' | 'file';
  rules: SuppressedRules;
}

/**
 * Read a directive from a comment's body (the text after the comment marker). Undefined when the
 * comment is not a directive: it must start with the directive word, followed by a space or the end.
 */
export function parseDirective(body: string): Directive | undefined {
  const match = /^\s*(cognito-client-disable(?:-next-line)?)(?:\s+([\s\S]*))?$/.exec(body);
  if (!match) return undefined;
  const kind = match[1] === DISABLE_NEXT_LINE ? 'next-line' : 'file';
  return { kind, rules: parseRuleList(match[2] ?? '') };
}

/** The ids in a directive's argument: separated by commas and/or spaces, up to a ` -- reason`. */
export function parseRuleList(text: string): SuppressedRules {
  const reason = /(^|\s)--(\s|$)/.exec(text);
  const list = reason ? text.slice(0, reason.index) : text;
  const ids = list.split(/[\s,]+/).filter((id) => id.length > 0);
  return ids.length === 0 ? 'all' : ids;
}

/** Whether a suppression covers a rule. */
export function coversRule(rules: SuppressedRules, ruleId: string): boolean {
  return rules === 'all' || rules.includes(ruleId);
}

/** Whether a finding is suppressed by any of the suppressions. */
export function isSuppressed(finding: Pick<Finding, 'ruleId' | 'span'>, suppressions: readonly Suppression[]): boolean {
  const at = finding.span.start;
  return suppressions.some((s) => at >= s.scope.start && at <= s.scope.end && coversRule(s.rules, finding.ruleId));
}

/** The findings no suppression covers, in their order. */
export function applySuppressions<F extends Pick<Finding, 'ruleId' | 'span'>>(findings: readonly F[], suppressions: readonly Suppression[]): F[] {
  if (suppressions.length === 0) return [...findings];
  return findings.filter((f) => !isSuppressed(f, suppressions));
}

/** The findings split into those kept and those suppressed. */
export function partitionSuppressed<F extends Pick<Finding, 'ruleId' | 'span'>>(findings: readonly F[], suppressions: readonly Suppression[]): { kept: F[]; suppressed: F[] } {
  const kept: F[] = [];
  const suppressed: F[] = [];
  for (const f of findings) (isSuppressed(f, suppressions) ? suppressed : kept).push(f);
  return { kept, suppressed };
}

/** Ids named by suppressions that `known` does not know, with where they are written (for a warning). */
export function unknownRuleIds(suppressions: readonly Suppression[], known: (id: string) => boolean): { id: string; at: Span }[] {
  const out: { id: string; at: Span }[] = [];
  for (const s of suppressions) {
    if (s.rules === 'all') continue;
    for (const id of s.rules) if (!known(id)) out.push({ id, at: s.at });
  }
  return out;
}

// ---------- line arithmetic (UTF-16 offsets; LF or CRLF) ----------

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset where the line holding `offset` ends, before its line break. */
export function lineEndOf(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  if (lf < 0) return text.length;
  return lf > 0 && text[lf - 1] === '\r' ? lf - 1 : lf;
}

/**
 * The range a next-line directive written at `commentOffset` covers: the whole line after the
 * comment's line. Empty at the end of the text when the comment is on the last line.
 */
export function nextLineScope(text: string, commentOffset: number): Span {
  const lf = text.indexOf('\n', commentOffset);
  if (lf < 0) return { start: text.length, end: text.length };
  return { start: lf + 1, end: lineEndOf(text, lf + 1) };
}

/** A suppression for a comment, if the comment is a directive. `body` is the text after the marker. */
export function suppressionOfComment(text: string, comment: Span, body: string): Suppression | undefined {
  const directive = parseDirective(body);
  if (!directive) return undefined;
  const scope = directive.kind === 'file' ? { start: 0, end: text.length } : nextLineScope(text, comment.start);
  return { kind: directive.kind, rules: directive.rules, scope, at: comment };
}

/**
 * The edit that makes a next-line directive cover `ruleId` on the line holding `offset`: a new
 * comment line above it (indented like it), or, when the line above already is such a directive
 * (alone on its line), the id added to it. `marker` is the comment marker (`#`, `//`). Undefined
 * when the directive above already covers the rule.
 */
export function disableLineEdit(text: string, offset: number, ruleId: string, marker: string): SpanEdit | undefined {
  const start = lineStartOf(text, offset);
  if (start > 0) {
    const previousStart = lineStartOf(text, start - 1);
    const previous = text.slice(previousStart, lineEndOf(text, previousStart));
    const escaped = marker.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const existing = new RegExp(`^([ \\t]*${escaped}[ \\t]*${DISABLE_NEXT_LINE})([ \\t]+.*)?$`).exec(previous);
    if (existing) {
      const args = existing[2] ?? '';
      const reason = /(^|\s)--(\s|$)/.exec(args);
      const ids = (reason ? args.slice(0, reason.index) : args).split(/[\s,]+/).filter((id) => id.length > 0);
      // A directive with no ids, or with this one, already covers the rule: nothing to add.
      if (ids.length === 0 || ids.includes(ruleId)) return undefined;
      const tail = reason ? ` ${args.slice(reason.index).trim()}` : '';
      return { span: { start: previousStart, end: previousStart + previous.length }, newText: `${existing[1]} ${[...ids, ruleId].join(', ')}${tail}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(start, lineEndOf(text, start)))![0];
  const lf = text.indexOf('\n');
  const eol = lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
  return { span: { start, end: start }, newText: `${indent}${marker} ${DISABLE_NEXT_LINE} ${ruleId}${eol}` };
}
