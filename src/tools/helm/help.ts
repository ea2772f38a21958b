// Layer tools (helm): Helm v3.18.4's help texts as data (cmd/helm/*.go, pkg/cli/environment.go at v3.18.4):
// each command's Use, Short, Long, aliases and flags with their types, defaults and usage, for the cobra
// help renderer; the global flags' paths follow $HOME as helmpath does, --keyring follows it too.

import type { CobraCommand, CobraFlag, CobraProgram } from '../cobra-help.js';

const VALUE_FLAGS: readonly CobraFlag[] = [
  { name: 'values', short: 'f', type: 'stringSlice', usage: 'specify values in a YAML file or a URL (can specify multiple)' },
  { name: 'set', type: 'stringArray', usage: 'set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)' },
  { name: 'set-string', type: 'stringArray', usage: 'set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)' },
  { name: 'set-file', type: 'stringArray', usage: 'set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)' },
  { name: 'set-json', type: 'stringArray', usage: 'set JSON values on the command line (can specify multiple or separate values with commas: key1=jsonval1,key2=jsonval2)' },
  { name: 'set-literal', type: 'stringArray', usage: 'set a literal STRING value on the command line' },
];

function chartPathFlags(keyring: string): CobraFlag[] {
  return [
    { name: 'version', type: 'string', usage: 'specify a version constraint for the chart version to use. This constraint can be a specific tag (e.g. 1.1.1) or it may reference a valid range (e.g. ^2.0.0). If this is not specified, the latest version is used' },
    { name: 'verify', type: 'bool', usage: 'verify the package before using it' },
    { name: 'keyring', type: 'string', def: keyring, usage: 'location of public keys used for verification' },
    { name: 'repo', type: 'string', usage: 'chart repository url where to locate the requested chart' },
    { name: 'username', type: 'string', usage: 'chart repository username where to locate the requested chart' },
    { name: 'password', type: 'string', usage: 'chart repository password where to locate the requested chart' },
    { name: 'cert-file', type: 'string', usage: 'identify HTTPS client using this SSL certificate file' },
    { name: 'key-file', type: 'string', usage: 'identify HTTPS client using this SSL key file' },
    { name: 'insecure-skip-tls-verify', type: 'bool', usage: 'skip tls certificate checks for the chart download' },
    { name: 'plain-http', type: 'bool', usage: 'use insecure HTTP connections for the chart download' },
    { name: 'ca-file', type: 'string', usage: 'verify certificates of HTTPS-enabled servers using this CA bundle' },
    { name: 'pass-credentials', type: 'bool', usage: 'pass credentials to all domains' },
  ];
}

const UPGRADE_OWN: readonly CobraFlag[] = [
  { name: 'create-namespace', type: 'bool', usage: 'if --install is set, create the release namespace if not present' },
  { name: 'install', short: 'i', type: 'bool', usage: "if a release by this name doesn't already exist, run an install" },
  { name: 'devel', type: 'bool', usage: "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored" },
  { name: 'dry-run', type: 'string', noOptDefVal: 'client', usage: "simulate an install. If --dry-run is set with no option being specified or as '--dry-run=client', it will not attempt cluster connections. Setting '--dry-run=server' allows attempting cluster connections." },
  { name: 'hide-secret', type: 'bool', usage: 'hide Kubernetes Secrets when also using the --dry-run flag' },
  { name: 'force', type: 'bool', usage: 'force resource updates through a replacement strategy' },
  { name: 'no-hooks', type: 'bool', usage: 'disable pre/post upgrade hooks' },
  { name: 'disable-openapi-validation', type: 'bool', usage: 'if set, the upgrade process will not validate rendered templates against the Kubernetes OpenAPI Schema' },
  { name: 'skip-crds', type: 'bool', usage: 'if set, no CRDs will be installed when an upgrade is performed with install flag enabled. By default, CRDs are installed if not already present, when an upgrade is performed with install flag enabled' },
  { name: 'timeout', type: 'duration', def: '5m0s', usage: 'time to wait for any individual Kubernetes operation (like Jobs for hooks)' },
  { name: 'reset-values', type: 'bool', usage: 'when upgrading, reset the values to the ones built into the chart' },
  { name: 'reuse-values', type: 'bool', usage: "when upgrading, reuse the last release's values and merge in any overrides from the command line via --set and -f. If '--reset-values' is specified, this is ignored" },
  { name: 'reset-then-reuse-values', type: 'bool', usage: "when upgrading, reset the values to the ones built into the chart, apply the last release's values and merge in any overrides from the command line via --set and -f. If '--reset-values' or '--reuse-values' is specified, this is ignored" },
  { name: 'wait', type: 'bool', usage: 'if set, will wait until all Pods, PVCs, Services, and minimum number of Pods of a Deployment, StatefulSet, or ReplicaSet are in a ready state before marking the release as successful. It will wait for as long as --timeout' },
  { name: 'wait-for-jobs', type: 'bool', usage: 'if set and --wait enabled, will wait until all Jobs have been completed before marking the release as successful. It will wait for as long as --timeout' },
  { name: 'atomic', type: 'bool', usage: 'if set, upgrade process rolls back changes made in case of failed upgrade. The --wait flag will be set automatically if --atomic is used' },
  { name: 'history-max', type: 'int', def: '10', usage: 'limit the maximum number of revisions saved per release. Use 0 for no limit' },
  { name: 'cleanup-on-fail', type: 'bool', usage: 'allow deletion of new resources created in this upgrade when upgrade fails' },
  { name: 'render-subchart-notes', type: 'bool', usage: 'if set, render subchart notes along with the parent' },
  { name: 'hide-notes', type: 'bool', usage: 'if set, do not show notes in upgrade output. Does not affect presence in chart metadata' },
  { name: 'skip-schema-validation', type: 'bool', usage: 'if set, disables JSON schema validation' },
  { name: 'labels', short: 'l', type: 'stringToString', usage: 'Labels that would be added to release metadata. Should be separated by comma. Original release labels will be merged with upgrade labels. You can unset label using null.' },
  { name: 'description', type: 'string', usage: 'add a custom description' },
  { name: 'dependency-update', type: 'bool', usage: 'update dependencies if they are missing before installing the chart' },
  { name: 'enable-dns', type: 'bool', usage: 'enable DNS lookups when rendering templates' },
  { name: 'take-ownership', type: 'bool', usage: 'if set, upgrade will ignore the check for helm annotations and take ownership of the existing resources' },
];

const INSTALL_OWN: readonly CobraFlag[] = [
  { name: 'hide-secret', type: 'bool', usage: 'hide Kubernetes Secrets when also using the --dry-run flag' },
  { name: 'create-namespace', type: 'bool', usage: 'create the release namespace if not present' },
  { name: 'dry-run', type: 'string', noOptDefVal: 'client', usage: "simulate an install. If --dry-run is set with no option being specified or as '--dry-run=client', it will not attempt cluster connections. Setting '--dry-run=server' allows attempting cluster connections." },
  { name: 'force', type: 'bool', usage: 'force resource updates through a replacement strategy' },
  { name: 'no-hooks', type: 'bool', usage: 'prevent hooks from running during install' },
  { name: 'replace', type: 'bool', usage: 're-use the given name, only if that name is a deleted release which remains in the history. This is unsafe in production' },
  { name: 'timeout', type: 'duration', def: '5m0s', usage: 'time to wait for any individual Kubernetes operation (like Jobs for hooks)' },
  { name: 'wait', type: 'bool', usage: 'if set, will wait until all Pods, PVCs, Services, and minimum number of Pods of a Deployment, StatefulSet, or ReplicaSet are in a ready state before marking the release as successful. It will wait for as long as --timeout' },
  { name: 'wait-for-jobs', type: 'bool', usage: 'if set and --wait enabled, will wait until all Jobs have been completed before marking the release as successful. It will wait for as long as --timeout' },
  { name: 'generate-name', short: 'g', type: 'bool', usage: 'generate the name (and omit the NAME parameter)' },
  { name: 'name-template', type: 'string', usage: 'specify template used to name the release' },
  { name: 'description', type: 'string', usage: 'add a custom description' },
  { name: 'devel', type: 'bool', usage: "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored" },
  { name: 'dependency-update', type: 'bool', usage: 'update dependencies if they are missing before installing the chart' },
  { name: 'disable-openapi-validation', type: 'bool', usage: 'if set, the installation process will not validate rendered templates against the Kubernetes OpenAPI Schema' },
  { name: 'atomic', type: 'bool', usage: 'if set, the installation process deletes the installation on failure. The --wait flag will be set automatically if --atomic is used' },
  { name: 'skip-crds', type: 'bool', usage: 'if set, no CRDs will be installed. By default, CRDs are installed if not already present' },
  { name: 'render-subchart-notes', type: 'bool', usage: 'if set, render subchart notes along with the parent' },
  { name: 'skip-schema-validation', type: 'bool', usage: 'if set, disables JSON schema validation' },
  { name: 'labels', short: 'l', type: 'stringToString', usage: 'Labels that would be added to release metadata. Should be divided by comma.' },
  { name: 'enable-dns', type: 'bool', usage: 'enable DNS lookups when rendering templates' },
  { name: 'hide-notes', type: 'bool', usage: 'if set, do not show notes in install output. Does not affect presence in chart metadata' },
  { name: 'take-ownership', type: 'bool', usage: 'if set, install will ignore the check for helm annotations and take ownership of the existing resources' },
];

const LIST_OWN: readonly CobraFlag[] = [
  { name: 'short', short: 'q', type: 'bool', usage: 'output short (quiet) listing format' },
  { name: 'no-headers', type: 'bool', usage: "don't print headers when using the default output format" },
  { name: 'time-format', type: 'string', usage: 'format time using golang time formatter. Example: --time-format "2006-01-02 15:04:05Z0700"' },
  { name: 'date', short: 'd', type: 'bool', usage: 'sort by release date' },
  { name: 'reverse', short: 'r', type: 'bool', usage: 'reverse the sort order' },
  { name: 'all', short: 'a', type: 'bool', usage: 'show all releases without any filter applied' },
  { name: 'uninstalled', type: 'bool', usage: "show uninstalled releases (if 'helm uninstall --keep-history' was used)" },
  { name: 'superseded', type: 'bool', usage: 'show superseded releases' },
  { name: 'uninstalling', type: 'bool', usage: 'show releases that are currently being uninstalled' },
  { name: 'deployed', type: 'bool', usage: 'show deployed releases. If no other is specified, this will be automatically enabled' },
  { name: 'failed', type: 'bool', usage: 'show failed releases' },
  { name: 'pending', type: 'bool', usage: 'show pending releases' },
  { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'list releases across all namespaces' },
  { name: 'max', short: 'm', type: 'int', def: '256', usage: 'maximum number of releases to fetch' },
  { name: 'offset', type: 'int', usage: 'next release index in the list, used to offset from start value' },
  { name: 'filter', short: 'f', type: 'string', usage: 'a regular expression (Perl compatible). Any releases that match the expression will be included in the results' },
  { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Works only for secret(default) and configmap storage backends." },
];

const STATUS_OWN: readonly CobraFlag[] = [
  { name: 'revision', type: 'int', usage: 'if set, display the status of the named release with revision' },
  { name: 'show-desc', type: 'bool', usage: 'if set, display the description message of the named release' },
  { name: 'show-resources', type: 'bool', usage: 'if set, display the resources of the named release' },
];

const HISTORY_OWN: readonly CobraFlag[] = [
  { name: 'max', type: 'int', def: '256', usage: 'maximum number of revision to include in history' },
];

const GET_VALUES_OWN: readonly CobraFlag[] = [
  { name: 'revision', type: 'int', usage: 'get the named release with revision' },
  { name: 'all', short: 'a', type: 'bool', usage: 'dump all (computed) values' },
];

const REPO_ADD_OWN: readonly CobraFlag[] = [
  { name: 'username', type: 'string', usage: 'chart repository username' },
  { name: 'password', type: 'string', usage: 'chart repository password' },
  { name: 'password-stdin', type: 'bool', usage: 'read chart repository password from stdin' },
  { name: 'force-update', type: 'bool', usage: 'replace (overwrite) the repo if it already exists' },
  { name: 'no-update', type: 'bool', usage: 'Ignored. Formerly, it would disabled forced updates. It is deprecated by force-update.' },
  { name: 'cert-file', type: 'string', usage: 'identify HTTPS client using this SSL certificate file' },
  { name: 'key-file', type: 'string', usage: 'identify HTTPS client using this SSL key file' },
  { name: 'ca-file', type: 'string', usage: 'verify certificates of HTTPS-enabled servers using this CA bundle' },
  { name: 'insecure-skip-tls-verify', type: 'bool', usage: 'skip tls certificate checks for the repository' },
  { name: 'allow-deprecated-repos', type: 'bool', usage: 'by default, this command will not allow adding official repos that have been permanently deleted. This disables that behavior' },
  { name: 'pass-credentials', type: 'bool', usage: 'pass credentials to all domains' },
];

const REPO_UPDATE_OWN: readonly CobraFlag[] = [
  { name: 'fail-on-repo-update-fail', type: 'bool', usage: 'update fails if any of the repository updates fail' },
];

const VERSION_OWN: readonly CobraFlag[] = [
  { name: 'short', type: 'bool', usage: 'print the version number' },
  { name: 'template', type: 'string', usage: 'template for version string format' },
];

function envFlags(home: string): CobraFlag[] {
  return [
    { name: 'namespace', short: 'n', type: 'string', usage: 'namespace scope for this request' },
    { name: 'kubeconfig', type: 'string', usage: 'path to the kubeconfig file' },
    { name: 'kube-context', type: 'string', usage: 'name of the kubeconfig context to use' },
    { name: 'kube-token', type: 'string', usage: 'bearer token used for authentication' },
    { name: 'kube-as-user', type: 'string', usage: 'username to impersonate for the operation' },
    { name: 'kube-as-group', type: 'stringArray', usage: 'group to impersonate for the operation, this flag can be repeated to specify multiple groups.' },
    { name: 'kube-apiserver', type: 'string', usage: 'the address and the port for the Kubernetes API server' },
    { name: 'kube-ca-file', type: 'string', usage: 'the certificate authority file for the Kubernetes API server connection' },
    { name: 'kube-tls-server-name', type: 'string', usage: 'server name to use for Kubernetes API server certificate validation. If it is not provided, the hostname used to contact the server is used' },
    { name: 'kube-insecure-skip-tls-verify', type: 'bool', usage: "if true, the Kubernetes API server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
    { name: 'debug', type: 'bool', usage: 'enable verbose output' },
    { name: 'registry-config', type: 'string', def: `${home}/.config/helm/registry/config.json`, usage: 'path to the registry config file' },
    { name: 'repository-config', type: 'string', def: `${home}/.config/helm/repositories.yaml`, usage: 'path to the file containing repository names and URLs' },
    { name: 'repository-cache', type: 'string', def: `${home}/.cache/helm/repository`, usage: 'path to the directory containing cached repository indexes' },
    { name: 'burst-limit', type: 'int', def: '100', usage: 'client-side default throttling limit' },
    { name: 'qps', type: 'float32', usage: 'queries per second used when communicating with the Kubernetes API, not including bursting' },
  ];
}

const globalUsage = `The Kubernetes package manager

Common actions for Helm:

- helm search:    search for charts
- helm pull:      download a chart to your local directory to view
- helm install:   upload the chart to Kubernetes
- helm list:      list releases of charts

Environment variables:

| Name                               | Description                                                                                                |
|------------------------------------|------------------------------------------------------------------------------------------------------------|
| $HELM_CACHE_HOME                   | set an alternative location for storing cached files.                                                      |
| $HELM_CONFIG_HOME                  | set an alternative location for storing Helm configuration.                                                |
| $HELM_DATA_HOME                    | set an alternative location for storing Helm data.                                                         |
| $HELM_DEBUG                        | indicate whether or not Helm is running in Debug mode                                                      |
| $HELM_DRIVER                       | set the backend storage driver. Values are: configmap, secret, memory, sql.                                |
| $HELM_DRIVER_SQL_CONNECTION_STRING | set the connection string the SQL storage driver should use.                                               |
| $HELM_MAX_HISTORY                  | set the maximum number of helm release history.                                                            |
| $HELM_NAMESPACE                    | set the namespace used for the helm operations.                                                            |
| $HELM_NO_PLUGINS                   | disable plugins. Set HELM_NO_PLUGINS=1 to disable plugins.                                                 |
| $HELM_PLUGINS                      | set the path to the plugins directory                                                                      |
| $HELM_REGISTRY_CONFIG              | set the path to the registry config file.                                                                  |
| $HELM_REPOSITORY_CACHE             | set the path to the repository cache directory                                                             |
| $HELM_REPOSITORY_CONFIG            | set the path to the repositories file.                                                                     |
| $KUBECONFIG                        | set an alternative Kubernetes configuration file (default "~/.kube/config")                                |
| $HELM_KUBEAPISERVER                | set the Kubernetes API Server Endpoint for authentication                                                  |
| $HELM_KUBECAFILE                   | set the Kubernetes certificate authority file.                                                             |
| $HELM_KUBEASGROUPS                 | set the Groups to use for impersonation using a comma-separated list.                                      |
| $HELM_KUBEASUSER                   | set the Username to impersonate for the operation.                                                         |
| $HELM_KUBECONTEXT                  | set the name of the kubeconfig context.                                                                    |
| $HELM_KUBETOKEN                    | set the Bearer KubeToken used for authentication.                                                          |
| $HELM_KUBEINSECURE_SKIP_TLS_VERIFY | indicate if the Kubernetes API server's certificate validation should be skipped (insecure)                |
| $HELM_KUBETLS_SERVER_NAME          | set the server name used to validate the Kubernetes API server certificate                                 |
| $HELM_BURST_LIMIT                  | set the default burst limit in the case the server contains many CRDs (default 100, -1 to disable)         |
| $HELM_QPS                          | set the Queries Per Second in cases where a high number of calls exceed the option for higher burst values |

Helm stores cache, configuration, and data based on the following configuration order:

- If a HELM_*_HOME environment variable is set, it will be used
- Otherwise, on systems supporting the XDG base directory specification, the XDG variables will be used
- When no other location is set a default location will be used based on the operating system

By default, the default directories depend on the Operating System. The defaults are listed below:

| Operating System | Cache Path                | Configuration Path             | Data Path               |
|------------------|---------------------------|--------------------------------|-------------------------|
| Linux            | $HOME/.cache/helm         | $HOME/.config/helm             | $HOME/.local/share/helm |
| macOS            | $HOME/Library/Caches/helm | $HOME/Library/Preferences/helm | $HOME/Library/helm      |
| Windows          | %TEMP%\\helm               | %APPDATA%\\helm                 | %APPDATA%\\helm          |
`;

const upgradeDesc = `
This command upgrades a release to a new version of a chart.

The upgrade arguments must be a release and chart. The chart
argument can be either: a chart reference('example/mariadb'), a path to a chart directory,
a packaged chart, or a fully qualified URL. For chart references, the latest
version will be specified unless the '--version' flag is set.

To override values in a chart, use either the '--values' flag and pass in a file
or use the '--set' flag and pass configuration from the command line, to force string
values, use '--set-string'. You can use '--set-file' to set individual
values from a file when the value itself is too long for the command line
or is dynamically generated. You can also use '--set-json' to set json values
(scalars/objects/arrays) from the command line.

You can specify the '--values'/'-f' flag multiple times. The priority will be given to the
last (right-most) file specified. For example, if both myvalues.yaml and override.yaml
contained a key called 'Test', the value set in override.yaml would take precedence:

    $ helm upgrade -f myvalues.yaml -f override.yaml redis ./redis

You can specify the '--set' flag multiple times. The priority will be given to the
last (right-most) set specified. For example, if both 'bar' and 'newbar' values are
set for a key called 'foo', the 'newbar' value would take precedence:

    $ helm upgrade --set foo=bar --set foo=newbar redis ./redis

You can update the values for an existing release with this command as well via the
'--reuse-values' flag. The 'RELEASE' and 'CHART' arguments should be set to the original
parameters, and existing values will be merged with any values set via '--values'/'-f'
or '--set' flags. Priority is given to new values.

    $ helm upgrade --reuse-values --set foo=bar --set foo=newbar redis ./redis

The --dry-run flag will output all generated chart manifests, including Secrets
which can contain sensitive values. To hide Kubernetes Secrets use the
--hide-secret flag. Please carefully consider how and when these flags are used.
`;

const installDesc = `
This command installs a chart archive.

The install argument must be a chart reference, a path to a packaged chart,
a path to an unpacked chart directory or a URL.

To override values in a chart, use either the '--values' flag and pass in a file
or use the '--set' flag and pass configuration from the command line, to force
a string value use '--set-string'. You can use '--set-file' to set individual
values from a file when the value itself is too long for the command line
or is dynamically generated. You can also use '--set-json' to set json values
(scalars/objects/arrays) from the command line.

    $ helm install -f myvalues.yaml myredis ./redis

or

    $ helm install --set name=prod myredis ./redis

or

    $ helm install --set-string long_int=1234567890 myredis ./redis

or

    $ helm install --set-file my_script=dothings.sh myredis ./redis

or

    $ helm install --set-json 'master.sidecars=[{"name":"sidecar","image":"myImage","imagePullPolicy":"Always","ports":[{"name":"portname","containerPort":1234}]}]' myredis ./redis


You can specify the '--values'/'-f' flag multiple times. The priority will be given to the
last (right-most) file specified. For example, if both myvalues.yaml and override.yaml
contained a key called 'Test', the value set in override.yaml would take precedence:

    $ helm install -f myvalues.yaml -f override.yaml  myredis ./redis

You can specify the '--set' flag multiple times. The priority will be given to the
last (right-most) set specified. For example, if both 'bar' and 'newbar' values are
set for a key called 'foo', the 'newbar' value would take precedence:

    $ helm install --set foo=bar --set foo=newbar  myredis ./redis

Similarly, in the following example 'foo' is set to '["four"]':

    $ helm install --set-json='foo=["one", "two", "three"]' --set-json='foo=["four"]' myredis ./redis

And in the following example, 'foo' is set to '{"key1":"value1","key2":"bar"}':

    $ helm install --set-json='foo={"key1":"value1","key2":"value2"}' --set-json='foo.key2="bar"' myredis ./redis

To check the generated manifests of a release without installing the chart,
the --debug and --dry-run flags can be combined.

The --dry-run flag will output all generated chart manifests, including Secrets
which can contain sensitive values. To hide Kubernetes Secrets use the
--hide-secret flag. Please carefully consider how and when these flags are used.

If --verify is set, the chart MUST have a provenance file, and the provenance
file MUST pass all verification steps.

There are six different ways you can express the chart you want to install:

1. By chart reference: helm install mymaria example/mariadb
2. By path to a packaged chart: helm install mynginx ./nginx-1.2.3.tgz
3. By path to an unpacked chart directory: helm install mynginx ./nginx
4. By absolute URL: helm install mynginx https://example.com/charts/nginx-1.2.3.tgz
5. By chart reference and repo url: helm install --repo https://example.com/charts/ mynginx nginx
6. By OCI registries: helm install mynginx --version 1.2.3 oci://example.com/charts/nginx

CHART REFERENCES

A chart reference is a convenient way of referencing a chart in a chart repository.

When you use a chart reference with a repo prefix ('example/mariadb'), Helm will look in the local
configuration for a chart repository named 'example', and will then look for a
chart in that repository whose name is 'mariadb'. It will install the latest stable version of that chart
until you specify '--devel' flag to also include development version (alpha, beta, and release candidate releases), or
supply a version number with the '--version' flag.

To see the list of chart repositories, use 'helm repo list'. To search for
charts in a repository, use 'helm search'.
`;

const listHelp = `
This command lists all of the releases for a specified namespace (uses current namespace context if namespace not specified).

By default, it lists only releases that are deployed or failed. Flags like
'--uninstalled' and '--all' will alter this behavior. Such flags can be combined:
'--uninstalled --failed'.

By default, items are sorted alphabetically. Use the '-d' flag to sort by
release date.

If the --filter flag is provided, it will be treated as a filter. Filters are
regular expressions (Perl compatible) that are applied to the list of releases.
Only items that match the filter will be returned.

    $ helm list --filter 'ara[a-z]+'
    NAME                UPDATED                                  CHART
    maudlin-arachnid    2020-06-18 14:17:46.125134977 +0000 UTC  alpine-0.1.0

If no results are found, 'helm list' will exit 0, but with no output (or in
the case of no '-q' flag, only headers).

By default, up to 256 items may be returned. To limit this, use the '--max' flag.
Setting '--max' to 0 will not return all results. Rather, it will return the
server's default, which may be much higher than 256. Pairing the '--max'
flag with the '--offset' flag allows you to page through results.
`;

const statusHelp = `
This command shows the status of a named release.
The status consists of:
- last deployment time
- k8s namespace in which the release lives
- state of the release (can be: unknown, deployed, uninstalled, superseded, failed, uninstalling, pending-install, pending-upgrade or pending-rollback)
- revision of the release
- description of the release (can be completion message or error message, need to enable --show-desc)
- list of resources that this release consists of (need to enable --show-resources)
- details on last test suite run, if applicable
- additional notes provided by the chart
`;

const historyHelp = `
History prints historical revisions for a given release.

A default maximum of 256 revisions will be returned. Setting '--max'
configures the maximum length of the revision list returned.

The historical release set is printed as a formatted table, e.g:

    $ helm history angry-bird
    REVISION    UPDATED                     STATUS          CHART             APP VERSION     DESCRIPTION
    1           Mon Oct 3 10:15:13 2016     superseded      alpine-0.1.0      1.0             Initial install
    2           Mon Oct 3 10:15:13 2016     superseded      alpine-0.1.0      1.0             Upgraded successfully
    3           Mon Oct 3 10:15:13 2016     superseded      alpine-0.1.0      1.0             Rolled back to 2
    4           Mon Oct 3 10:15:13 2016     deployed        alpine-0.1.0      1.0             Upgraded successfully
`;

const getHelp = `
This command consists of multiple subcommands which can be used to
get extended information about the release, including:

- The values used to generate the release
- The generated manifest file
- The notes provided by the chart of the release
- The hooks associated with the release
- The metadata of the release
`;

const getValuesHelp = `
This command downloads a values file for a given release.
`;

const repoHelm = `
This command consists of multiple subcommands to interact with chart repositories.

It can be used to add, remove, list, and index chart repositories.
`;

const updateDesc = `
Update gets the latest information about charts from the respective chart repositories.
Information is cached locally, where it is used by commands like 'helm search'.

You can optionally specify a list of repositories you want to update.
	$ helm repo update <repo_name> ...
To update all the repositories, use 'helm repo update'.
`;

const versionDesc = `
Show the version for Helm.

This will print a representation the version of Helm.
The output will look something like this:

version.BuildInfo{Version:"v3.2.1", GitCommit:"fe51cd1e31e6a202cba7dead9552a6d418ded79a", GitTreeState:"clean", GoVersion:"go1.13.10"}

- Version is the semantic version of the release.
- GitCommit is the SHA for the commit that this version was built from.
- GitTreeState is "clean" if there are no local code changes when this binary was
  built, and "dirty" if the binary was built from locally modified code.
- GoVersion is the version of Go that was used to compile Helm.

When using the --template flag the following properties are available to use in
the template:

- .Version contains the semantic version of Helm
- .GitCommit is the git commit
- .GitTreeState is the state of the git tree when Helm was built
- .GoVersion contains the version of Go that Helm was compiled with

For example, --template='Version: {{.Version}}' outputs 'Version: v3.2.1'.
`;

const OUTPUT: CobraFlag = { name: 'output', short: 'o', type: 'format', def: 'table', usage: 'prints the output in the specified format. Allowed values: table, json, yaml' };

const POST_RENDER: readonly CobraFlag[] = [
  { name: 'post-renderer', type: 'postRendererString', usage: 'the path to an executable to be used for post rendering. If it exists in $PATH, the binary will be used, otherwise it will try to look for the executable at the given path' },
  { name: 'post-renderer-args', type: 'postRendererArgsSlice', def: '[]', usage: 'an argument to the post-renderer (can specify multiple)' },
];

const short = (use: string, s: string, extra: Partial<CobraCommand> = {}): CobraCommand => ({ use, short: s, runnable: true, ...extra });

/** The tree under `helm` (plugins: none installed); `docs` is hidden. */
export function helmProgram(env: ReadonlyMap<string, string>): CobraProgram {
  const home = env.get('HOME') ?? '/root';
  const chart = chartPathFlags(`${home}/.gnupg/pubring.gpg`);
  const root: CobraCommand = {
    use: 'helm',
    short: 'The Helm package manager for Kubernetes.',
    long: globalUsage,
    persistentFlags: envFlags(home),
    commands: [
      short('completion', 'generate autocompletion scripts for the specified shell', { runnable: false }),
      short('create NAME', 'create a new chart with the given name'),
      short('dependency update|build|list', "manage a chart's dependencies", { aliases: ['dep', 'dependencies'], runnable: false }),
      short('docs', 'generate documentation as markdown or man pages', { hidden: true }),
      short('env', 'helm client environment information'),
      {
        use: 'get',
        short: 'download extended information of a named release',
        long: getHelp,
        commands: [
          short('all RELEASE_NAME', 'download all information for a named release'),
          short('hooks RELEASE_NAME', 'download all hooks for a named release'),
          short('manifest RELEASE_NAME', 'download the manifest for a named release'),
          short('metadata RELEASE_NAME', 'This command fetches metadata for a given release'),
          short('notes RELEASE_NAME', 'download the notes for a named release'),
          short('values RELEASE_NAME', 'download the values file for a named release', { long: getValuesHelp, flags: [...GET_VALUES_OWN, OUTPUT] }),
        ],
      },
      short('history RELEASE_NAME', 'fetch release history', { long: historyHelp, aliases: ['hist'], flags: [...HISTORY_OWN, OUTPUT] }),
      short('install [NAME] [CHART]', 'install a chart', { long: installDesc, flags: [...INSTALL_OWN, ...VALUE_FLAGS, ...chart, OUTPUT, ...POST_RENDER] }),
      short('lint PATH', 'examine a chart for possible issues'),
      short('list', 'list releases', { long: listHelp, aliases: ['ls'], flags: [...LIST_OWN, OUTPUT] }),
      short('package [CHART_PATH] [...]', 'package a chart directory into a chart archive'),
      short('plugin', 'install, list, or uninstall Helm plugins', { runnable: false }),
      short('pull [chart URL | repo/chartname] [...]', 'download a chart from a repository and (optionally) unpack it in local directory', { aliases: ['fetch'] }),
      short('push [chart] [remote]', 'push a chart to remote'),
      short('registry', 'login to or logout from a registry', { runnable: false }),
      {
        use: 'repo add|remove|list|index|update [ARGS]',
        short: 'add, list, remove, update, and index chart repositories',
        long: repoHelm,
        commands: [
          short('add [NAME] [URL]', 'add a chart repository', { flags: REPO_ADD_OWN }),
          short('index [DIR]', 'generate an index file given a directory containing packaged charts'),
          short('list', 'list chart repositories', { aliases: ['ls'], flags: [OUTPUT] }),
          short('remove [REPO1 [REPO2 ...]]', 'remove one or more chart repositories', { aliases: ['rm'] }),
          short('update [REPO1 [REPO2 ...]]', 'update information of available charts locally from chart repositories', { long: updateDesc, aliases: ['up'], flags: REPO_UPDATE_OWN }),
        ],
      },
      short('rollback <RELEASE> [REVISION]', 'roll back a release to a previous revision'),
      short('search [keyword]', 'search for a keyword in charts', { runnable: false }),
      short('show', 'show information of a chart', { aliases: ['inspect'], runnable: false }),
      short('status RELEASE_NAME', 'display the status of the named release', { long: statusHelp, flags: [...STATUS_OWN, OUTPUT] }),
      short('template [NAME] [CHART]', 'locally render templates'),
      short('test [RELEASE]', 'run tests for a release'),
      short('uninstall RELEASE_NAME [...]', 'uninstall a release', { aliases: ['del', 'delete', 'un'] }),
      short('upgrade [RELEASE] [CHART]', 'upgrade a release', { long: upgradeDesc, flags: [...UPGRADE_OWN, ...chart, ...VALUE_FLAGS, OUTPUT, ...POST_RENDER] }),
      short('verify PATH', 'verify that a chart at the given path has been signed and is valid'),
      short('version', 'print the client version information', { long: versionDesc, flags: VERSION_OWN }),
    ],
  };
  return { root, template: 'cobra' };
}
