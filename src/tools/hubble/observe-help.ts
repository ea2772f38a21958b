// Layer tools (hubble): the flag sets `hubble observe` registers for its help (hubble 1.18.0,
// hubble/cmd/observe/observe.go, flows.go, flows_filter.go) with their usage texts as the source words them
// (hubble/cmd/observe_help.txt is the same text printed), and the `observe` / `observe flows` commands.

import type { CobraCommand, FlagSet } from '../cobra-help.js';
import { SERVER_SET } from './global-flags.js';

const SELECTORS: FlagSet = {
  name: 'selectors',
  flags: [
    { name: 'all', type: 'bool', usage: "Get all flows stored in Hubble's buffer. Note: this option may cause Hubble to return a lot of data. It is recommended to only use it along filters to limit the amount of data returned." },
    { name: 'first', type: 'uint64', usage: "Get first N flows stored in Hubble's buffer. When querying against Hubble Relay, this gets N flows per instance of Hubble connected to that Relay." },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow flows output' },
    { name: 'last', type: 'uint64', usage: "Get last N flows stored in Hubble's buffer (default 20). When querying against Hubble Relay, this gets N flows per instance of Hubble connected to that Relay." },
    { name: 'since', type: 'string', usage: 'Filter flows since a specific date. The format is relative (e.g. 3s, 4m, 1h43,, ...) or one of:\n  StampMilli:             Jan _2 15:04:05.000\n  YearMonthDay:           2006-01-02\n  YearMonthDayHour:       2006-01-02T15-07:00\n  YearMonthDayHourMinute: 2006-01-02T15:04-07:00\n  RFC3339:                2006-01-02T15:04:05-07:00\n  RFC3339Milli:           2006-01-02T15:04:05.999-07:00\n  RFC3339Micro:           2006-01-02T15:04:05.999999-07:00\n  RFC3339Nano:            2006-01-02T15:04:05.999999999-07:00\n  RFC1123Z:               Mon, 02 Jan 2006 15:04:05 -0700\n ' },
    { name: 'until', type: 'string', usage: 'Filter flows until a specific date. The format is relative (e.g. 3s, 4m, 1h43,, ...) or one of:\n  StampMilli:             Jan _2 15:04:05.000\n  YearMonthDay:           2006-01-02\n  YearMonthDayHour:       2006-01-02T15-07:00\n  YearMonthDayHourMinute: 2006-01-02T15:04-07:00\n  RFC3339:                2006-01-02T15:04:05-07:00\n  RFC3339Milli:           2006-01-02T15:04:05.999-07:00\n  RFC3339Micro:           2006-01-02T15:04:05.999999-07:00\n  RFC3339Nano:            2006-01-02T15:04:05.999999999-07:00\n  RFC1123Z:               Mon, 02 Jan 2006 15:04:05 -0700\n ' },
  ],
};

const FILTERS: FlagSet = {
  name: 'filters',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'filter', noOptDefVal: 'true', usage: 'Show all flows in any Kubernetes namespace.' },
    { name: 'cel-expression', type: 'filter', usage: 'Filter flows using the given CEL expression' },
    { name: 'cluster', type: 'filter', usage: 'Show all flows which match the cluster names (e.g. "test-cluster", "prod-*")' },
    { name: 'drop-reason-desc', type: 'filter', usage: 'Show only flows which match this drop reason describe (e.g. "POLICY_DENIED", "UNSUPPORTED_L3_PROTOCOL")' },
    { name: 'fqdn', type: 'filter', usage: 'Show all flows related to the given fully qualified domain name (e.g. "*.cilium.io").' },
    { name: 'from-all-namespaces', type: 'filter', noOptDefVal: 'true', usage: 'Show flows originating in any Kubernetes namespace.' },
    { name: 'from-cluster', type: 'filter', usage: 'Show all flows originating from endpoints known to be in the given cluster name' },
    { name: 'from-fqdn', type: 'filter', usage: 'Show all flows originating at the given fully qualified domain name (e.g. "*.cilium.io").' },
    { name: 'from-identity', type: 'filter', usage: 'Show all flows originating at an endpoint with the given security identity' },
    { name: 'from-ip', type: 'filter', usage: "Show all flows originating at the given IP address. Each of the source IPs can be specified as an exact match (e.g. '1.1.1.1') or as a CIDR range (e.g.'1.1.1.0/24')." },
    { name: 'from-label', type: 'filter', usage: 'Show only flows originating in an endpoint with the given labels (e.g. "key1=value1", "reserved:world")' },
    { name: 'from-namespace', type: 'filter', usage: 'Show all flows originating in the given Kubernetes namespace.' },
    { name: 'from-pod', type: 'filter', usage: "Show all flows originating in the given pod name prefix([namespace/]<pod-name>). If namespace is not provided, 'default' is used" },
    { name: 'from-port', type: 'filter', usage: 'Show only flows with the given source port (e.g. 8080)' },
    { name: 'from-service', type: 'filter', usage: "Shows flows where the source IP address matches the ClusterIP address of the given service name prefix([namespace/]<svc-name>). If namespace is not provided, 'default' is used" },
    { name: 'from-workload', type: 'filter', usage: 'Show all flows originating at an endpoint with the given workload' },
    { name: 'http-header', type: 'filter', usage: 'Show only flows which match this HTTP header key:value pairs (e.g. "foo:bar")' },
    { name: 'http-method', type: 'filter', usage: 'Show only flows which match this HTTP method (e.g. "get", "post")' },
    { name: 'http-path', type: 'filter', usage: 'Show only flows which match this HTTP path regular expressions (e.g. "/page/\\\\d+")' },
    { name: 'http-status', type: 'filter', usage: 'Show only flows which match this HTTP status code prefix (e.g. "404", "5+")' },
    { name: 'http-url', type: 'filter', usage: 'Show only flows which match this HTTP URL regular expressions (e.g. "http://.*cilium\\.io/page/\\\\d+")' },
    { name: 'identity', type: 'filter', usage: 'Show all flows related to an endpoint with the given security identity' },
    { name: 'interface', type: 'filter', usage: 'Show all flows observed at the given interface name (e.g. eth0)' },
    { name: 'ip', type: 'filter', usage: "Show all flows originating or terminating at the given IP address. Each of the IPs can be specified as an exact match (e.g. '1.1.1.1') or as a CIDR range (e.g.'1.1.1.0/24')." },
    { name: 'ip-version', type: 'filter', usage: 'Show only IPv4, IPv6 flows or non IP flows (e.g. ARP packets) (ie: "none", "v4", "v6")' },
    { name: 'ipv4', short: '4', type: 'filter', noOptDefVal: 'v4', usage: 'Show only IPv4 flows' },
    { name: 'ipv6', short: '6', type: 'filter', noOptDefVal: 'v6', usage: 'Show only IPv6 flows' },
    { name: 'label', short: 'l', type: 'filter', usage: 'Show only flows related to an endpoint with the given labels (e.g. "key1=value1", "reserved:world")' },
    { name: 'namespace', short: 'n', type: 'filter', usage: 'Show all flows related to the given Kubernetes namespace.' },
    { name: 'node-label', type: 'filter', usage: 'Show only flows observed on nodes matching the given label filter (e.g. "key1=value1", "io.cilium/egress-gateway")' },
    { name: 'node-name', type: 'filter', usage: 'Show all flows which match the given node names (e.g. "k8s*", "test-cluster/*.company.com")' },
    { name: 'not', type: 'filter', noOptDefVal: 'true', usage: 'Reverses the next filter to be blacklist i.e. --not --from-ip 2.2.2.2' },
    { name: 'pod', type: 'filter', usage: "Show all flows related to the given pod name prefix ([namespace/]<pod-name>). If namespace is not provided, 'default' is used." },
    { name: 'port', type: 'filter', usage: 'Show only flows with given port in either source or destination (e.g. 8080)' },
    { name: 'protocol', type: 'filter', usage: 'Show only flows which match the given L4/L7 flow protocol (e.g. "udp", "http")' },
    { name: 'service', type: 'filter', usage: "Shows flows where either the source or destination IP address matches the ClusterIP address of the given service name prefix ([namespace/]<svc-name>). If namespace is not provided, 'default' is used. " },
    { name: 'snat-ip', type: 'filter', usage: "Show all flows SNATed with the given IP address. Each of the SNAT IPs can be specified as an exact match (e.g. '1.1.1.1') or as a CIDR range (e.g.'1.1.1.0/24')." },
    { name: 'tcp-flags', type: 'filter', usage: 'Show only flows which match the given TCP flags (e.g. "syn", "ack", "fin")' },
    { name: 'to-all-namespaces', type: 'filter', noOptDefVal: 'true', usage: 'Show flows terminating in any Kubernetes namespace.' },
    { name: 'to-cluster', type: 'filter', usage: 'Show all flows destined to endpoints known to be in the given cluster name' },
    { name: 'to-fqdn', type: 'filter', usage: 'Show all flows terminating at the given fully qualified domain name (e.g. "*.cilium.io").' },
    { name: 'to-identity', type: 'filter', usage: 'Show all flows terminating at an endpoint with the given security identity' },
    { name: 'to-ip', type: 'filter', usage: "Show all flows terminating at the given IP address. Each of the destination IPs can be specified as an exact match (e.g. '1.1.1.1') or as a CIDR range (e.g.'1.1.1.0/24')." },
    { name: 'to-label', type: 'filter', usage: 'Show only flows terminating in an endpoint with given labels (e.g. "key1=value1", "reserved:world")' },
    { name: 'to-namespace', type: 'filter', usage: 'Show all flows terminating in the given Kubernetes namespace.' },
    { name: 'to-pod', type: 'filter', usage: "Show all flows terminating in the given pod name prefix([namespace/]<pod-name>). If namespace is not provided, 'default' is used" },
    { name: 'to-port', type: 'filter', usage: 'Show only flows with the given destination port (e.g. 8080)' },
    { name: 'to-service', type: 'filter', usage: "Shows flows where the destination IP address matches the ClusterIP address of the given service name prefix ([namespace/]<svc-name>). If namespace is not provided, 'default' is used" },
    { name: 'to-workload', type: 'filter', usage: 'Show all flows terminating at an endpoint with the given workload' },
    { name: 'trace-id', type: 'filter', usage: 'Show only flows which match this trace ID' },
    { name: 'traffic-direction', type: 'filter', usage: 'Show all flows in the given traffic direction (either ingress or egress)' },
    { name: 'type', short: 't', type: 'filter', usage: 'Filter by event types TYPE[:SUBTYPE]. Available types and subtypes:\nTYPE             SUBTYPE\ncapture          n/a\ndrop             n/a\nl7               n/a\npolicy-verdict   n/a\ntrace            from-endpoint\n                 from-host\n                 from-network\n                 from-overlay\n                 from-proxy\n                 from-stack\n                 from-crypto\n                 to-endpoint\n                 to-host\n                 to-network\n                 to-overlay\n                 to-proxy\n                 to-stack\n                 to-crypto\ntrace-sock       n/a' },
    { name: 'uuid', type: 'filter', usage: 'Show the only flow matching this unique flow identifier, if any' },
    { name: 'verdict', type: 'filter', usage: 'Show only flows with this verdict [FORWARDED, DROPPED, AUDIT, REDIRECTED, ERROR, TRACED, TRANSLATED]' },
    { name: 'workload', type: 'filter', usage: 'Show all flows related to an endpoint with the given workload' },
  ],
};

const RAW_FILTERS: FlagSet = {
  name: 'raw-filters',
  flags: [
    { name: 'allowlist', type: 'stringArray', usage: 'Specify allowlist as JSON encoded FlowFilters' },
    { name: 'denylist', type: 'stringArray', usage: 'Specify denylist as JSON encoded FlowFilters' },
  ],
};

const FORMATTING: FlagSet = {
  name: 'Formatting',
  flags: [
    { name: 'output', short: 'o', type: 'string', def: 'compact', usage: "Specify the output format, one of:\n  compact:  Compact output\n  dict:     Each flow is shown as KEY:VALUE pair\n  jsonpb:   JSON encoded GetFlowResponse according to proto3's JSON mapping\n  json:     Alias for jsonpb\n  table:    Tab-aligned columns\n" },
    { name: 'print-node-name', type: 'bool', usage: 'Print node name in output' },
    { name: 'print-policy-names', type: 'bool', usage: 'Print policy names in output' },
    { name: 'time-format', type: 'string', def: 'StampMilli', usage: 'Specify the time format for printing. This option does not apply to the json and jsonpb output type. One of:\n  StampMilli:             Jan _2 15:04:05.000\n  YearMonthDay:           2006-01-02\n  YearMonthDayHour:       2006-01-02T15Z07:00\n  YearMonthDayHourMinute: 2006-01-02T15:04Z07:00\n  RFC3339:                2006-01-02T15:04:05Z07:00\n  RFC3339Milli:           2006-01-02T15:04:05.999Z07:00\n  RFC3339Micro:           2006-01-02T15:04:05.999999Z07:00\n  RFC3339Nano:            2006-01-02T15:04:05.999999999Z07:00\n  RFC1123Z:               Mon, 02 Jan 2006 15:04:05 -0700\n ' },
  ],
};

const FLOW_FORMAT: FlagSet = {
  name: 'Flow Format',
  flags: [
    { name: 'color', type: 'string', def: 'auto', usage: "Colorize the output when the output format is one of 'compact' or 'dict'. The value is one of 'auto' (default), 'always' or 'never'" },
    { name: 'ip-translation', type: 'bool', def: 'true', usage: 'Translate IP addresses to logical names such as pod name, FQDN, ...' },
    { name: 'numeric', type: 'bool', usage: 'Display all information in numeric form' },
  ],
};

const OTHER: FlagSet = {
  name: 'other',
  flags: [
    { name: 'experimental-field-mask', type: 'stringSlice', usage: 'Experimental: Comma-separated list of fields for mask. Fields not in the mask will be removed from server response.' },
    { name: 'experimental-use-default-field-masks', type: 'bool', usage: 'Experimental: request only visible fields when the output format is compact, tab, or dict.' },
    { name: 'input-file', type: 'string', usage: "Query flows from this file instead of the server. Use '-' to read from stdin." },
    { name: 'print-raw-filters', type: 'bool', usage: 'Print allowlist/denylist filters and exit without sending the request to Hubble server' },
    { name: 'silent-errors', short: 's', type: 'bool', usage: 'Silently ignores errors and warnings' },
  ],
};

/** The sets in the order newFlowsCmdHelper registers them (the global set is appended by the template). */
export const OBSERVE_SETS: readonly FlagSet[] = [SELECTORS, FILTERS, RAW_FILTERS, FORMATTING, FLOW_FORMAT, SERVER_SET, OTHER];

const FLOWS_EXAMPLE = `* Piping flows to hubble observe

  Save output from 'hubble observe -o jsonpb' command to a file, and pipe it to
  the observe command later for offline processing. For example:

    hubble observe -o jsonpb --last 1000 > flows.json

  Then,

    cat flows.json | hubble observe --input-file -

  Note that the observe command ignores --follow, --last, and server flags when it
  reads flows from stdin. The observe command processes and output flows in the same
  order they are read from stdin without sorting them by timestamp.

* Filtering flows

  Observe provides a long list of filter options. These options let you, for example,
  filter for the used HTTP method using the '--http-method' flag. The following
  command shows all flows that use the HTTP PUT method.

    hubble observe --http-method put

  You can also provide multiple values for a flag, in which case a flow matches the
  filter if it matches any of the provided values. If you add a second '--http-method'
  flag matching GET requests to the previous example, the command will show any flow
  using either a PUT or GET method.

    hubble observe --http-method put --http-method get

  If you add a different flag, a flow is only returned if it matches for both of the
  different flags. For example, you can add a '--to-namespace' flag to the previous
  command so only flows using GET or PUT requests to endpoints in namespace 'foo' are
  returned.

    hubble observe --http-method put --http-method get --to-namespace foo

  And by adding another '--to-namespace' flag, it will return flows using GET or PUT
  requests to endpoints in namespace 'foo' or 'bar'

    hubble observe --http-method put --http-method get --to-namespace foo --to-namespace bar

* Using negations on filters

  Observe can also return all flows that don't match a certain filter by using the
  '--not' flag. The following command returns all flows that don't use the HTTP PUT
  method.

    hubble observe --not --http-method put

  To filter out multiple values, you can combine negative flags by prefixing each of
  them with '--not'. The following command will return all flows that neither use a
  GET nor PUT method.

    hubble observe --not --http-method put --not --http-method get

  You can also filter using multiple different negative flags. The following example
  filters out all flows that match both of the flags. For example, by adding a
  '--not --to-namespace foo' flag, the example command will show all flows that
  don't use a GET or PUT method to endpoints in the 'foo' namespace.

    hubble observe --not --http-method put --not --http-method get --not --to-namespace foo

  This means the command will still return flows to the 'foo' namespace that don't
  use HTTP PUT or GET methods, and it will return flows using HTTP PUT and GET
  methods that end in other namespaces.
  `;

const FLOWS_LONG = `Observe provides visibility into flow information on the network and
application level. Rich filtering enable observing specific flows related to
individual pods, services, TCP connections, DNS queries, HTTP requests and
more.

Observe can filter flows using multiple different flags, such as filtering for
the source namespace or the protocol used. To match a filter flag, a flow must
match at least one of the provided values for that flag. A flow must match all
the provided filter flags to be returned.

Observe can also show all flows that do not match a provided filter, by adding
the '--not' flag in front of a filter flag. To match a negated filter
flag, a flow must not match any of the provided values for that flag. A returned
flow does not match any of the negated filter flags.
`;

export const OBSERVE_COMMAND: CobraCommand = {
  use: 'observe',
  short: 'Observe flows and events of a Hubble server',
  runnable: true,
  flagSets: OBSERVE_SETS,
  commands: [
    { use: 'agent-events', short: 'Observe Cilium agent events', runnable: true },
    { use: 'debug-events', short: 'Observe Cilium debug events', runnable: true },
    { use: 'flows', short: 'Observe flows of a Hubble server', long: FLOWS_LONG, example: FLOWS_EXAMPLE, runnable: true, flagSets: OBSERVE_SETS },
  ],
};
