/**
 * What the caret is on, in surface-neutral terms, for completion. Each surface that supports
 * completion computes one from its own syntax (tolerating half-typed text).
 * (Placeholder shape: the completion feature's author refines it.)
 */
export interface CursorContext {
  kind: string;
}
