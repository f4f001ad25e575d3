/** The simulated network's public surface (src/index.ts re-exports what steps need). */
export { activePodsLess, firstActivePod, selectorForObject } from './attachable-pod.js';
export { CLUSTER_DOMAIN, ClusterDns, type DnsAnswer, NAMESERVER, searchPath } from './dns.js';
export { Network, type NetworkDeps, type RequestSource, type SendOptions } from './network.js';
export { type ForwardedPort, type ForwardLine, PortForward, PortForwards } from './port-forward.js';
export { ANONYMOUS_CLIENT_IP, type Client, OUTSIDE_IP } from './proxy.js';
export type { RequestError, RequestListener, RequestRecord } from './requests.js';
export { type EnvVar, envVariableName, serviceEnv, serviceEnvForPod, servicesForPod } from './service-env.js';
export { shellNetwork } from './shell-client.js';
