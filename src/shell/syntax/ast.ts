// Layer shell: the bash syntax tree, as just-bash's parser builds it. The package exports only the top
// node types; the rest are derived from them here so the interpreter can switch on every node kind.

import type { CommandNode, PipelineNode, ScriptNode, SimpleCommandNode, StatementNode, WordNode } from 'just-bash';

export type { CommandNode, PipelineNode, ScriptNode, SimpleCommandNode, StatementNode, WordNode };
export type WordPart = WordNode['parts'][number];
export type FunctionDefNode = Extract<CommandNode, { type: 'FunctionDef' }>;
export type CompoundCommandNode = Exclude<CommandNode, SimpleCommandNode | FunctionDefNode>;
export type IfNode = Extract<CommandNode, { type: 'If' }>;
export type ForNode = Extract<CommandNode, { type: 'For' }>;
export type CStyleForNode = Extract<CommandNode, { type: 'CStyleFor' }>;
export type WhileNode = Extract<CommandNode, { type: 'While' }>;
export type UntilNode = Extract<CommandNode, { type: 'Until' }>;
export type CaseNode = Extract<CommandNode, { type: 'Case' }>;
export type ConditionalCommandNode = Extract<CommandNode, { type: 'ConditionalCommand' }>;
export type CondExpr = ConditionalCommandNode['expression'];
export type RedirectionNode = SimpleCommandNode['redirections'][number];
export type HereDocNode = Extract<RedirectionNode['target'], { type: 'HereDoc' }>;
export type AssignmentNode = SimpleCommandNode['assignments'][number];
export type ParameterExpansionPart = Extract<WordPart, { type: 'ParameterExpansion' }>;
export type ParameterOperation = NonNullable<ParameterExpansionPart['operation']>;
export type ArithmeticExpressionNode = Extract<WordPart, { type: 'ArithmeticExpansion' }>['expression'];
export type ArithExpr = ArithmeticExpressionNode['expression'];
export type BraceItem = Extract<WordPart, { type: 'BraceExpansion' }>['items'][number];
