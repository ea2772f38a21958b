// Layer tools (net-clients): curl's --help per release, tool_help() of src/tool_help.c over the generated
// tables: 8.5.0 prints "Usage:" first and pads options to fixed 80 columns; 8.14.1 sizes them to the
// terminal (COLUMNS, else 79: the lab has no window size), lists the categories under the short help and,
// built with the manual, answers `--help -x` from it — which the lab does not carry.

import type { CurlRelease } from '../../apps/index.js';
import { CURL_HELP, type CurlHelpTable } from './curl-help-data.js';

export interface HelpText {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number;
}

const USAGE = 'Usage: curl [options...] <url>\n';
export const NO_MANUAL = 'curl: the built-in manual is not emulated by ciliumlab\n';

/** curl --help [category]: what curl prints, and 0 — or 1 where the manual would be shown. */
export function curlHelp(release: CurlRelease, category: string | undefined, cols: number): HelpText {
  const t = CURL_HELP[release];
  const text = (out: string): HelpText => ({ out, err: '', exitCode: 0 });
  const is = (word: string): boolean => category?.toLowerCase() === word;
  if (release === '8.5.0') {
    if (category === undefined) return text(`${USAGE}${options(release, 'important', 80)}\nThis is not the full help, this menu is stripped into categories.\nUse "--help category" to get an overview of all categories.\nFor all options use the manual or "--help all".\n`);
    if (is('all')) return text(USAGE + options(release, undefined, 80));
    return text(USAGE + categoryText(release, category, 80, 'Invalid'));
  }
  if (category === undefined) return text(`${USAGE}${options(release, 'important', cols)}\nThis is not the full help; this menu is split into categories.\nUse "--help category" to get an overview of all categories, which are:\n${categoryList(t, cols)}Use "--help all" to list all options\nUse "--help [option]" to view documentation for a given option\n`);
  if (is('all')) return text(options(release, undefined, cols));
  if (category.startsWith('-')) return knowsOption(t, category) ? { out: '', err: NO_MANUAL, exitCode: 1 } : { out: '', err: 'Incorrect option name to show help for, see curl -h\n', exitCode: 0 };
  return text(categoryText(release, category, cols, 'Unknown'));
}

function categoryText(release: CurlRelease, category: string, cols: number, unknownWord: string): string {
  const t = CURL_HELP[release];
  const all = t.categories.map(([name, desc]) => ` ${name.padEnd(11)} ${desc}\n`).join('');
  if (category.toLowerCase() === 'category') return all;
  const found = t.categories.find(([name]) => name === category.toLowerCase());
  if (!found) return `${unknownWord} category provided, here is a list of all categories:\n\n${all}`;
  return `${found[0]}: ${found[1]}\n${options(release, found[0], cols)}`;
}

/**
 * print_category(): the option column as wide as the longest option, cut so option and text fit; 8.14.1
 * then narrows a row whose text would reach cols - 2 and puts two spaces before the text.
 */
function options(release: CurlRelease, category: string | undefined, cols: number): string {
  const rows = CURL_HELP[release].options.filter(([, , cats]) => category === undefined || cats.split(' ').includes(category));
  const longdesc = Math.max(5, ...rows.map(([, d]) => d.length));
  let longopt = Math.max(5, ...rows.map(([o]) => o.length));
  if (longopt + longdesc > cols) longopt = cols - longdesc;
  if (release === '8.5.0') return rows.map(([o, d]) => ` ${o.padEnd(longopt)} ${d}\n`).join('');
  return rows
    .map(([o, d]) => {
      let opt = longopt;
      // size_t arithmetic: a negative sum wraps to a huge one; a negative width left-justifies to its size.
      if (opt + d.length < 0 || opt + d.length >= cols - 2) opt = d.length < cols - 2 ? cols - 3 - d.length : 0;
      return ` ${o.padEnd(Math.abs(opt))}  ${d}\n`;
    })
    .join('');
}

/** get_categories_list(): "auth, connection, ..." wrapped before the width, the last one ending in ".". */
function categoryList(t: CurlHelpTable, width: number): string {
  let out = '';
  let col = 0;
  t.categories.forEach(([name], i) => {
    if (i === t.categories.length - 1) out += col + name.length + 1 < width ? `${name}.\n` : `\n${name}.\n`;
    else if (col + name.length + 2 < width) {
      out += `${name}, `;
      col += name.length + 2;
    } else {
      out += `\n${name}, `;
      col = name.length + 2;
    }
  });
  return out;
}

/** findlongopt()/findshortopt() over the help table; --no-X only for options without an argument. */
function knowsOption(t: CurlHelpTable, arg: string): boolean {
  if (!arg.startsWith('--')) return arg.length === 2 && t.options.some(([o]) => o.startsWith(`${arg},`));
  const isNo = arg.startsWith('--no-');
  const name = arg.slice(isNo ? 5 : 2);
  return t.options.some(([o]) => {
    const m = /--(?:no-)?(\S+)( <)?/.exec(o);
    return m?.[1] === name && !(isNo && m[2]);
  });
}

/** get_terminal_columns(): COLUMNS when it is a number above 20, else 79. */
export function terminalColumns(env: ReadonlyMap<string, string>): number {
  const n = Number(/^\d+/.exec(env.get('COLUMNS') ?? '')?.[0] ?? 0);
  return n > 20 && n <= 10000 ? n : 79;
}
