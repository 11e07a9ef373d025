// PLACEHOLDER until the JS / TS reader lands (helper sdk-js replaces this file).
import type { SdkFile } from './tree';
export type JsDialect = 'javascript' | 'typescript' | 'tsx';
export function readJavaScript(_text: string, _dialect: JsDialect): SdkFile | undefined {
  return { calls: [], problems: [] };
}
