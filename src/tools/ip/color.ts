// Layer tools (ip): iproute2's lib/color.c: the colour attributes ip uses (interface names cyan, MACs yellow,
// IPv4 magenta, IPv6 blue, operstate UP green / DOWN red), the light and dark (COLORFGBG) palettes, and when
// colour is on: `-c`/`-color` alone means "always" in iproute2 6.1, `-c=auto` only on a terminal, never in JSON.

export type ColorAttr = 'ifname' | 'mac' | 'inet' | 'inet6' | 'up' | 'down' | 'none';
export type ColorOpt = 'never' | 'auto' | 'always';

const LIGHT: Readonly<Record<Exclude<ColorAttr, 'none'>, string>> = {
  ifname: '\x1b[36m',
  mac: '\x1b[33m',
  inet: '\x1b[35m',
  inet6: '\x1b[34m',
  up: '\x1b[32m',
  down: '\x1b[31m',
};

const DARK: Readonly<Record<Exclude<ColorAttr, 'none'>, string>> = {
  ifname: '\x1b[1;36m',
  mac: '\x1b[1;33m',
  inet: '\x1b[1;35m',
  inet6: '\x1b[1;34m',
  up: '\x1b[1;32m',
  down: '\x1b[1;31m',
};

export const COLOR_CLEAR = '\x1b[0m';

/** matches_color: "-color", "-c", "-col=always|auto|never"; undefined when `arg` is not a colour option. */
export function parseColorOpt(arg: string): ColorOpt | undefined {
  const eq = arg.indexOf('=');
  const name = eq < 0 ? arg : arg.slice(0, eq);
  if (!matches(name, '-color')) return undefined;
  const v = eq < 0 ? '' : arg.slice(eq + 1);
  if (v === '' || v === 'always') return 'always';
  if (v === 'auto' || v === 'never') return v;
  return undefined;
}

/** check_enable_color; returns the escape table to use, or undefined for plain text. */
export function colorPalette(opt: ColorOpt, isJson: boolean, isTty: boolean, colorfgbg: string | undefined): Readonly<Record<Exclude<ColorAttr, 'none'>, string>> | undefined {
  if (isJson || opt === 'never') return undefined;
  if (opt !== 'always' && !(opt === 'auto' && isTty)) return undefined;
  return isDarkBackground(colorfgbg) ? DARK : LIGHT;
}

/** set_color_palette: the last field of COLORFGBG is 0-6 or 8 on a dark background. */
function isDarkBackground(v: string | undefined): boolean {
  if (v === undefined) return false;
  const i = v.lastIndexOf(';');
  if (i < 0) return false;
  const last = v.slice(i + 1);
  return /^[0-68]$/.test(last);
}

/** iproute2's matches(): `arg` is a non-empty prefix of `word`. */
export function matches(arg: string, word: string): boolean {
  return arg.length > 0 && word.startsWith(arg);
}
