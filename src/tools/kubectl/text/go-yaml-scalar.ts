// Layer tools (kubectl): how go-yaml v2 (sigs.k8s.io/yaml/goyaml.v2, behind `kubectl get -o yaml`) chooses a
// scalar's style: encode.go stringv (quote what would resolve to another type: bools of YAML 1.1, null,
// numbers, timestamps, base-60 floats), emitterc.go yaml_emitter_analyze_scalar and select_scalar_style.

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const RESOLVE_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]*|0[bB][01_]+|[1-9][0-9_]*|0)$/;
const DATE = '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}';
const CLOCK = '[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?';
/** parseTimestamp's layouts: RFC 3339 with short fields (T or t), "date time" without a zone, a date. */
const TIMESTAMP = new RegExp(`^${DATE}([Tt]${CLOCK}(Z|[-+][0-9]{2}:[0-9]{2})| ${CLOCK})?$`);

/** resolve("", s) != !!str: the plain form of `s` would read back as another type. */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVE_WORDS.has(s)) return true;
  const c = s[0] ?? '';
  if (c === '.') return YAML_FLOAT.test(s);
  if (!/[-+0-9]/.test(c)) return false;
  if (TIMESTAMP.test(s)) return true;
  const plain = s.replace(/_/g, '');
  return GO_INT.test(plain) || YAML_FLOAT.test(plain) || /^-?0b[01]+$/.test(plain);
}

/** The style encode.go asks for. */
export function requestedStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return 'literal';
  return resolvesToNonString(s) || BASE60_FLOAT.test(s) ? 'double' : 'plain';
}

export function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}
export const isBreak = (ch: string | undefined): boolean => ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

interface Analysis {
  readonly multiline: boolean;
  readonly blockPlain: boolean;
  readonly singleQuoted: boolean;
  readonly block: boolean;
}

/** yaml_emitter_analyze_scalar (block context; flow_plain_allowed is not needed here). */
export function analyzeScalar(value: string): Analysis {
  if (value.length === 0) return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  const chars = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
  let precededByWs = true, prevSpace = false, prevBreak = false;
  chars.forEach((ch, i) => {
    const followedByWs = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWs) blockIndicators = true;
    } else if ((ch === ':' && followedByWs) || (ch === '#' && precededByWs)) blockIndicators = true;
    if (!isPrintable(ch.codePointAt(0) ?? 0)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlank(ch) || isBreak(ch);
  });
  const blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
  const singleQuoted = !(breakSpace || spaceBreak || special);
  const block = !(trailingSpace || spaceBreak || special);
  return { multiline: lineBreaks, blockPlain, singleQuoted, block };
}

/** yaml_emitter_select_scalar_style in block context. */
export function selectStyle(value: string, requested: ScalarStyle, simpleKey: boolean): ScalarStyle {
  const a = analyzeScalar(value);
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlain || (value.length === 0 && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuoted) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}
