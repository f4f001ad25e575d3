/**
 * Container image references, parsed as the kubelet parses them (k8s.io/kubernetes
 * pkg/util/parsers.ParseImageName over github.com/distribution/reference
 * ParseNormalizedNamed): `nginx` is `docker.io/library/nginx:latest`, `bitnami/redis:7` is
 * `docker.io/bitnami/redis:7`, `registry.k8s.io/pause:3.10` keeps its domain, and a digest
 * (`@sha256:…`) may follow the tag.
 */

/** An image reference that is not valid syntax: the container waits with `InvalidImageName`. */
export class InvalidImageNameError extends Error {
  override name = 'InvalidImageNameError';
}

export interface ImageReference {
  /** What the container spec said (`nginx:1.25`). */
  readonly original: string;
  /** `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  readonly domain: string;
  /** The path inside the registry: `library/nginx`, `e2e-test-images/agnhost`. */
  readonly path: string;
  /** The tag, `latest` when neither a tag nor a digest was given. */
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** `docker.io/library/nginx`: what image behaviours match on. */
  readonly repository: string;
  /**
   * The fully qualified name containerd reports as the container's image:
   * `docker.io/library/nginx:1.25` (with `@digest` when one was given).
   */
  readonly normalized: string;
}

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const NAME_TOTAL_LENGTH_MAX = 255;

// The grammar of distribution/reference (regexp.go).
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const namePattern = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const REFERENCE = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;

/**
 * Parses an image reference the kubelet's way; throws InvalidImageNameError with the
 * kubelet's wording (`couldn't parse image name "Nginx": invalid reference format: repository
 * name (library/Nginx) must be lowercase`).
 */
export function parseImageReference(image: string): ImageReference {
  let ref = parsedReferences.get(image);
  if (ref === undefined) {
    ref = Object.freeze(parseReference(image));
    if (parsedReferences.size >= MAX_CACHED_REFERENCES) parsedReferences.clear();
    parsedReferences.set(image, ref);
  }
  return ref;
}

/**
 * References already parsed: the kubelet parses a container's image on every start, and a
 * cluster names few images. Only valid references are kept (a bad one throws every time).
 */
const parsedReferences = new Map<string, ImageReference>();
const MAX_CACHED_REFERENCES = 1000;

function parseReference(image: string): ImageReference {
  const fail = (detail: string): never => {
    throw new InvalidImageNameError(`couldn't parse image name ${JSON.stringify(image)}: ${detail}`);
  };
  if (ANCHORED_IDENTIFIER.test(image)) {
    fail(`invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(image);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remoteName.toLowerCase() !== remoteName) {
    fail(`invalid reference format: repository name (${remoteName}) must be lowercase`);
  }
  const full = `${domain}/${remainder}`;
  const match = REFERENCE.exec(full);
  if (!match) {
    if (full === '' || image === '') fail('repository name must have at least one component');
    fail('invalid reference format');
  }
  const name = match![1]!;
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    fail(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  const digest = match![3];
  const tag = match![2] ?? (digest ? undefined : 'latest');
  const path = name.slice(domain.length + 1);
  let normalized = name;
  if (tag) normalized += `:${tag}`;
  if (digest) normalized += `@${digest}`;
  return { original: image, domain, path, tag, digest, repository: name, normalized };
}

/** distribution/reference splitDockerDomain: the first component is a domain if it looks like one. */
function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return [domain, remainder];
}

/**
 * The pull policy the API server defaults (SetDefaults_Container): `Always` for `:latest` or no
 * tag, else `IfNotPresent`. Used when a stored pod has no policy yet.
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  try {
    return parseImageReference(image).tag === 'latest' ? 'Always' : 'IfNotPresent';
  } catch {
    return 'IfNotPresent';
  }
}
