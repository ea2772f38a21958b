// Layer tools (net-clients): curl -w (src/tool_writeout.c ourWriteOut): %{variable} from the finished
// transfer, %% and the \n \r \t escapes; times are seconds with six decimals, http_code is three digits
// ("000" when no response came). Unknown variables print curl's warning and nothing.

/** When each phase ended, in µs from the start (CURLINFO_*_TIME_T). */
export interface TransferTimes {
  namelookup: number;
  connect: number;
  pretransfer: number;
  starttransfer: number;
  total: number;
}

export interface TransferInfo {
  readonly url: string;
  readonly httpCode: number;
  readonly exitCode: number;
  readonly errorMessage: string;
  readonly remoteIp: string;
  readonly remotePort: number;
  readonly localIp: string;
  readonly localPort: number;
  readonly sizeDownload: number;
  readonly sizeHeader: number;
  readonly sizeRequest: number;
  readonly contentType: string | undefined;
  readonly method: string;
  readonly numConnects: number;
  readonly timesUs: TransferTimes;
}

function seconds(us: number): string {
  return `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;
}

function variable(name: string, t: TransferInfo): string | undefined {
  const speed = t.timesUs.total > 0 ? Math.floor((t.sizeDownload * 1e6) / t.timesUs.total) : 0;
  const table: Record<string, string> = {
    http_code: String(t.httpCode).padStart(3, '0'),
    response_code: String(t.httpCode).padStart(3, '0'),
    exitcode: String(t.exitCode),
    errormsg: t.errorMessage,
    remote_ip: t.remoteIp,
    remote_port: String(t.remotePort),
    local_ip: t.localIp,
    local_port: String(t.localPort),
    size_download: String(t.sizeDownload),
    size_header: String(t.sizeHeader),
    size_request: String(t.sizeRequest),
    size_upload: '0',
    speed_download: String(speed),
    speed_upload: '0',
    content_type: t.contentType ?? '',
    method: t.method,
    num_connects: String(t.numConnects),
    num_redirects: '0',
    http_version: t.httpCode ? '1.1' : '0',
    scheme: t.httpCode || t.remoteIp ? 'http' : '',
    url: t.url,
    url_effective: t.url,
    time_namelookup: seconds(t.timesUs.namelookup),
    time_connect: seconds(t.timesUs.connect),
    time_appconnect: seconds(0),
    time_pretransfer: seconds(t.timesUs.pretransfer),
    time_starttransfer: seconds(t.timesUs.starttransfer),
    time_redirect: seconds(0),
    time_total: seconds(t.timesUs.total),
  };
  return table[name];
}

/** The -w text for `t`; `warn` receives curl's warnings for unknown variables. */
export function writeOut(format: string, t: TransferInfo, warn: (text: string) => void): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    const next = format[i + 1];
    if (c === '%' && next === '%') {
      out += '%';
      i++;
    } else if (c === '%' && next === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) {
        out += c;
        continue;
      }
      const name = format.slice(i + 2, end);
      const v = variable(name, t);
      if (v === undefined) warn(`curl: unknown --write-out variable: '${name}'\n`);
      out += v ?? '';
      i = end;
    } else if (c === '\\' && next !== undefined && 'nrt\\'.includes(next)) {
      out += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : '\\';
      i++;
    } else out += c;
  }
  return out;
}
