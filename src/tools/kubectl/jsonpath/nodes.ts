// Layer tools (kubectl): the parse tree of k8s.io/client-go/util/jsonpath (node.go): a template is a list of
// text and `{...}` actions; an action is a list of fields, array slices, filters, unions, literals and the
// `range`/`end` identifiers.

export interface SliceParam {
  value: number;
  readonly known: boolean;
  /** The end index was derived from the start (`[3]` is `[3:4]`). */
  readonly derived: boolean;
}

export type JsonPathNode =
  | { readonly type: 'list'; readonly nodes: JsonPathNode[] }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'array'; readonly params: readonly [SliceParam, SliceParam, SliceParam] }
  | { readonly type: 'filter'; readonly left: ListNode; readonly right: ListNode; readonly operator: string }
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'wildcard' }
  | { readonly type: 'recursive' }
  | { readonly type: 'union'; readonly nodes: readonly ListNode[] }
  | { readonly type: 'identifier'; readonly name: string };

export type ListNode = Extract<JsonPathNode, { type: 'list' }>;

export const newList = (): ListNode => ({ type: 'list', nodes: [] });
