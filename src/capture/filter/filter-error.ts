// Layer capture (filter): a filter expression libpcap would not compile. The message is libpcap's own
// ("can't parse filter expression: syntax error", "unknown host 'foo'", "illegal port number 70000 >
// 65535"); tcpdump prints it after "tcpdump: " and exits 1.

export const SYNTAX_ERROR = "can't parse filter expression: syntax error";

export class FilterError extends Error {
  override readonly name = 'FilterError';
}
