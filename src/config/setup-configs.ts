// The setup configs istio-doctest knows by name (`# @setup CONFIG`, doctest.yaml `page.setup`): read by the spec
// reader and by the setup groups alike, so the names live below both.

/** The profiles `istioctl install --set profile=X` installs for a config `profile=X`, in the order their groups run. */
export const INSTALL_PROFILES = ['default', 'demo', 'minimal', 'ambient'] as const;
export type InstallProfile = (typeof INSTALL_PROFILES)[number];

/** Configs istio.io has that need more than one kind cluster: skipped with the reason. */
export const UNSUPPORTED_SETUPS = {
  multicluster: 'setup multicluster needs several clusters (istio.io runs it with RequireMinClusters(3)); istio-doctest runs on one',
  dualstack: 'setup dualstack needs a dual-stack (IPv4+IPv6) cluster and its install values; istio-doctest does not set one up',
} as const;
