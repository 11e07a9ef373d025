/**
 * The API semantics shared by the code surfaces (JS / TS and Python): the calls a reader found
 * (./tree.ts) become client definitions.
 *
 * - `create` / `update` calls are SDK definitions (surface `sdk`, API spelling, operation create or
 *   update): no conversion of quoted numbers or booleans, `ClientName` required on create,
 *   `ClientId` on update, and an update resets what it leaves out.
 * - `cfn` calls (the CDK L1 `CfnUserPoolClient`) are CloudFormation resources written with the
 *   CDK's property spelling (`cdk` in JS / TS, `cdkPython` in Python);
 * - `cdk-l2` calls (the CDK L2 `UserPoolClient`, `addClient`) are the resource the CDK synthesises
 *   from the props (./cdk-l2.ts), defaults included, with the L2's names for findings.
 * Members get the schema's canonical names in the call's spelling, at every nesting level. A call
 * whose properties may hold more than is written (a spread, `**kwargs`) is `open`: absent
 * properties then read as Unknown. Code files declare no user pools, providers or resource servers
 * the rules could rely on, so the file context is never `complete`.
 */
import {
  type ClientDefinition,
  type DocumentModel,
  type LocatedProperty,
  type LocatedValue,
  type ParseProblem,
  type Spelling,
  emptyFileContext,
  openProperties,
} from '../../model';
import { canonicalName } from '../../schema';
import { cdkL2Definition, l2InputOf } from './cdk-l2';
import type { SdkCall, SdkFile } from './tree';

/** A model with nothing in it. */
export function emptySdkModel(problems: ParseProblem[] = []): DocumentModel {
  return { surface: 'sdk', clients: [], context: emptyFileContext(), problems };
}

/** Text that may hold a recognised call: anything else is not parsed at all. */
export const CALL_MARKER = /UserPoolClientCommand|[cC]reateUserPoolClient|[uU]pdateUserPoolClient|create_user_pool_client|update_user_pool_client|CfnUserPoolClient|UserPoolClient|addClient|add_client/;

function spellingOf(call: SdkCall): Spelling {
  if (call.kind !== 'cfn') return 'api';
  return call.language === 'python' ? 'cdkPython' : 'cdk';
}

/** A value with canonical names on its object members (below `path`; none below an unknown name). Shared with the API-shape surface. */
export function canonicalised(value: LocatedValue, spelling: Spelling, path: readonly string[] | undefined): LocatedValue {
  if (value.kind === 'list') return { ...value, items: value.items.map((item) => canonicalised(item, spelling, path)) };
  if (value.kind === 'unknown' && value.alternatives) return { ...value, alternatives: value.alternatives.map((a) => canonicalised(a, spelling, path)) };
  if (value.kind !== 'object') return value;
  return { ...value, members: value.members.map((m) => memberOf(m, spelling, path)) };
}

function memberOf(member: LocatedProperty, spelling: Spelling, path: readonly string[] | undefined): LocatedProperty {
  const canonical = path ? canonicalName(member.name, spelling, path) : undefined;
  const childPath = canonical !== undefined && path ? [...path, canonical] : undefined;
  const out: LocatedProperty = { name: member.name, keySpan: member.keySpan, span: member.span, value: canonicalised(member.value, spelling, childPath) };
  if (canonical !== undefined) out.canonical = canonical;
  return out;
}

/** The model of a file from the calls a reader found in it. */
export function sdkModel(text: string, file: SdkFile): DocumentModel {
  const model = emptySdkModel([...file.problems]);
  const used = new Map<string, number>();
  for (const call of file.calls) {
    const spelling = spellingOf(call);
    // Named by what the code says, not by where: a fix that adds lines must not rename the calls below it.
    let name = (call.kind === 'cfn' || call.kind === 'cdk-l2') && call.constructId ? call.constructId : call.callee;
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    if (seen > 0) name = `${name} #${seen + 1}`;
    if (call.kind === 'cdk-l2') {
      model.clients.push(cdkL2Definition(l2InputOf(call, name)));
      continue;
    }
    const def: ClientDefinition = {
      surface: call.kind === 'cfn' ? 'cloudformation' : 'sdk',
      spelling,
      operation: call.kind === 'cfn' ? 'resource' : call.kind,
      name,
      span: call.span,
      nameSpan: call.calleeSpan,
      typeSpan: call.calleeSpan,
      properties: new Map<string, LocatedProperty>(),
      dependsOn: [],
      references: new Set<string>(),
    };
    if (call.props?.kind === 'unknown') def.body = call.props;
    if (call.props?.kind === 'object') {
      const body = canonicalised(call.props, spelling, []);
      if (body.kind === 'object') {
        def.body = body;
        // The last occurrence of a repeated key counts, as the language itself keeps it.
        for (const member of body.members) if (member.canonical !== undefined) def.properties.set(member.canonical, member);
      }
    }
    if (call.open) {
      def.open = call.open;
      def.properties = openProperties(def.properties, call.open.span, call.open.reason);
    }
    model.clients.push(def);
  }
  return model;
}
