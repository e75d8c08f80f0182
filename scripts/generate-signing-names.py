#!/usr/bin/env python3
"""Generates src/scope/signingNames.ts: AWS endpoint prefix -> SigV4 signing name, from botocore's data.

Last run against botocore 1.43.11 (a pip install, May 2026). Re-run (standard library only;
reads botocore's JSON data, imports nothing from it):

    python3 scripts/generate-signing-names.py [BOTOCORE_PACKAGE_DIR]

BOTOCORE_PACKAGE_DIR defaults to the newest botocore found: the one the running python would
import (a pip install), or Debian's python3-botocore (/usr/lib/python3/dist-packages/botocore).
The output is deterministic (sorted) and records the botocore version it came from
(SIGNING_NAMES_SOURCE). test/scope/signingNames.test.ts checks every row against that botocore's
own endpoint resolution at test time; .ci/run looks for a python that has it.

Sources, as botocore itself resolves a client's endpoint (botocore.client.ClientEndpointBridge):
- each service model's metadata (data/<service>/<newest version>/service-2.json): endpointPrefix
  and signingName (the prefix when absent); only services that sign with SigV4;
- static operation host prefixes (`data-` + servicediscovery, `api.` + iotsitewise): the same
  signing name; a one-label dynamic host prefix (`{AccountId}.`) becomes a `*.` row;
- endpoints.json: every hostname of every partition, FIPS and dual-stack variants included
  (DNS suffixes: endpoints.json's and partitions.json's, dual-stack ones included).
  A credentialScope service there wins over the model (botocore does the same). A hostname whose
  region cannot be read from it (`iam.amazonaws.com` -> us-east-1) becomes a global row; any other
  hostname is normalized as src/scope/awsEndpoint.ts normalizes hosts (`-fips`, a leading `fips.` and a
  `.dualstack` label dropped), and a prefix it yields (`ecr-fips` -> `ecr`) becomes a row.
"""
import gzip
import importlib.util
import json
import os
import re
import sys

DEBIAN_PACKAGE = "/usr/lib/python3/dist-packages/botocore"
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "scope", "signingNames.ts")
# src/constants.ts REGION_PATTERN, the same source (test/scope/regionPattern.test.ts compares them)
REGION = re.compile(r"^([a-z]{2}|eusc-[a-z]{2})(-gov|-iso[a-z]?)?-[a-z]+-\d+$")
SIGV4_VERSIONS = {"v4", "s3v4", "s3", "v4-unsigned-body"}
ONE_LABEL_PARAMETER = re.compile(r"^\{[A-Za-z]+\}\.$")


def load_json(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as file:
        return json.load(file)


def find_json(directory, name):
    for candidate in (name, name + ".gz"):
        if os.path.exists(os.path.join(directory, candidate)):
            return os.path.join(directory, candidate)
    return None


def botocore_version(package):
    with open(os.path.join(package, "__init__.py"), encoding="utf-8") as file:
        return re.search(r"__version__ = '([^']+)'", file.read()).group(1)


def default_package():
    """The newest of the botocore this python would import and Debian's (find_spec runs nothing)."""
    spec = importlib.util.find_spec("botocore")
    found = [os.path.dirname(spec.origin)] if spec and spec.origin else []
    found += [DEBIAN_PACKAGE] if os.path.isdir(DEBIAN_PACKAGE) else []
    if not found:
        sys.exit("no botocore found: pass BOTOCORE_PACKAGE_DIR")
    return max(found, key=lambda package: version_key(botocore_version(package)))


def version_key(version):
    return tuple(int(part) for part in re.findall(r"\d+", version))


def signs_with_sigv4(metadata):
    auth = metadata.get("auth") or []
    return metadata.get("signatureVersion") in SIGV4_VERSIONS or "aws.auth#sigv4" in auth


def newest_model(data, service):
    folder = os.path.join(data, service)
    for version in sorted(os.listdir(folder), reverse=True):
        path = find_json(os.path.join(folder, version), "service-2.json")
        if path:
            return load_json(path)
    return None


def model_rows(data):
    """endpoint prefix -> signing name, from the service models; and the prefixes of services
    that do not sign with SigV4 (SimpleDB, Import/Export: SigV2; CodeCatalyst: bearer tokens)."""
    rows, other = {}, set()
    for service in sorted(os.listdir(data)):
        if not os.path.isdir(os.path.join(data, service)):
            continue
        model = newest_model(data, service)
        if not model:
            continue
        prefix = model["metadata"]["endpointPrefix"]
        if not signs_with_sigv4(model["metadata"]):
            other.add(prefix)
            continue
        name = model["metadata"].get("signingName") or prefix
        add(rows, prefix, name)
        for operation in model.get("operations", {}).values():
            host_prefix = operation.get("endpoint", {}).get("hostPrefix")
            if host_prefix and "{" not in host_prefix:
                add(rows, host_prefix + prefix, name)
            elif host_prefix and ONE_LABEL_PARAMETER.match(host_prefix):
                add(rows, "*." + prefix, name)
    return rows, other - set(rows)  # SimpleDB v2 signs `sdb` with SigV4, v1 with SigV2


def add(rows, prefix, name):
    if rows.get(prefix, name) != name:
        sys.exit(f"conflict: {prefix} is signed as {rows[prefix]} and as {name}")
    rows[prefix] = name


def normalize(labels):
    """As src/scope/awsEndpoint.ts: drop a `.dualstack` label, a leading `fips.` label and `-fips`."""
    if labels and labels[-1] == "dualstack":
        labels = labels[:-1]
    if len(labels) > 1 and labels[0] == "fips":
        labels = labels[1:]
    return ".".join(re.sub(r"-fips$", "", label) for label in labels)


def expand(template, service, region, suffix):
    return template.replace("{service}", service).replace("{region}", region).replace(
        "{dnsSuffix}", suffix
    )


def is_region(partition, key):
    return key in partition["regions"] or re.match(partition["regionRegex"], key) is not None


def variant_of(tags, *sources):
    """A variant's fields, merged as botocore merges them: endpoint, service, partition defaults."""
    merged = {}
    for source in sources:
        for variant in source.get("variants", []):
            if set(variant["tags"]) == tags:
                merged = {**variant, **merged}
    return merged


def hostnames(partition, service, key, endpoint, defaults):
    """The hostnames botocore builds for this endpoint: plain, FIPS, dual-stack, both."""
    suffix = partition["dnsSuffix"]
    template = endpoint.get("hostname") or defaults.get("hostname")
    template = template or partition["defaults"]["hostname"]
    if not is_region(partition, key):
        # `aws-global`, `fips-us-east-1`: only their own hostnames are real (`iam.global.api.aws`).
        for own in [endpoint, *endpoint.get("variants", [])]:
            if "hostname" in own:
                yield expand(own["hostname"], service, key, own.get("dnsSuffix", suffix))
        return
    yield expand(template, service, key, suffix)
    for tags in ({"fips"}, {"dualstack"}, {"dualstack", "fips"}):
        variant = variant_of(tags, endpoint, defaults, partition["defaults"])
        if "hostname" in variant:
            yield expand(variant["hostname"], service, key, variant.get("dnsSuffix", suffix))


def endpoint_rows(endpoints, rows, unsigned, suffixes):
    """Adds the prefixes endpoints.json's hostnames normalize to; returns the global hosts."""
    globals_, vouched = {}, set()
    for partition in endpoints["partitions"]:
        for service, spec in sorted(partition["services"].items()):
            if service in unsigned:
                continue
            defaults = spec.get("defaults", {})
            for key, endpoint in sorted(spec.get("endpoints", {}).items()):
                scope = {**defaults.get("credentialScope", {}), **endpoint.get("credentialScope", {})}
                name = scope.get("service") or rows.get(service)
                if name is None:
                    continue  # no model botocore could sign with
                region = scope.get("region") or key
                for host in hostnames(partition, service, key, endpoint, defaults):
                    classify(host, name, region, rows, suffixes, globals_, vouched)
    drop_unused(endpoints, rows, vouched)
    return globals_


def drop_unused(endpoints, rows, vouched):
    """A service with only partition-wide endpoints in every partition (route53 was, before the
    European Sovereign Cloud partition gave it regional hosts) has no `{prefix}.{region}` host:
    leave its prefix out, so such a host is refused, not guessed. (Absent from a partition,
    botocore builds regional hosts there.)"""
    partitions = endpoints["partitions"]
    for prefix in list(rows):
        specs = [partition["services"].get(prefix) for partition in partitions]
        global_only = all(spec and spec.get("isRegionalized", True) is False for spec in specs)
        if global_only and prefix not in vouched:
            del rows[prefix]


def classify(host, name, region, rows, suffixes, globals_, vouched):
    suffix = next((s for s in suffixes if host.endswith("." + s)), None)
    if suffix is None:
        return  # localhost:8000 (DynamoDB local), a bearer-token service's host
    labels = host[: -len(suffix) - 1].split(".")
    # A pseudo-region without a credential scope (mturk-requester's `sandbox`) signs for the
    # region its hostname names, as callers configure it.
    region_label = len(labels) > 1 and REGION.match(labels[-1])
    if region_label and (labels[-1] == region or not REGION.match(region)):
        prefix = normalize(labels[:-1])
        if rows.get(prefix, name) == name:
            rows[prefix] = name
            vouched.add(prefix)
            return
    if REGION.match(region):
        globals_[host] = f"{name}/{region}"


def dns_suffixes(endpoints, partitions):
    """endpoints.json's suffixes, and partitions.json's (`api.aws.hci.ic.gov`: ISO-F dual-stack)."""
    found = set()
    for partition in endpoints["partitions"]:
        found.add(partition["dnsSuffix"])
        for variant in partition["defaults"].get("variants", []):
            found.add(variant["dnsSuffix"])
    for partition in partitions["partitions"] if partitions else []:
        found.update((partition["outputs"]["dnsSuffix"], partition["outputs"]["dualStackDnsSuffix"]))
    return sorted(found, key=lambda s: (-len(s), s))


def wrapped(words, indent=""):
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 98:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(indent + l for l in lines + [line])


def render(version, suffixes, rows, globals_):
    prefixes = [p if n == p else f"{p}={n}" for p, n in sorted(rows.items())]
    hosts = [f"{h}={globals_[h]}" for h in sorted(globals_)]
    renamed = sum(1 for p, n in rows.items() if n != p)
    quoted = "".join(f"\n  '{s}'," for s in suffixes)
    return f"""/**
 * GENERATED by scripts/generate-signing-names.py from botocore {version}: do not edit by hand.
 * Re-run `python3 scripts/generate-signing-names.py [BOTOCORE_PACKAGE_DIR]` to refresh it.
 * {len(rows)} endpoint prefixes ({renamed} signed with another name), {len(hosts)} global hosts.
 * @internal
 */

/** The botocore release the tables come from. @internal */
export const SIGNING_NAMES_SOURCE = 'botocore {version}';

/** AWS endpoints' DNS suffixes, longest first (endpoints.json, partitions.json). @internal */
export const AWS_DNS_SUFFIXES: readonly string[] = [{quoted}
];

/**
 * Endpoint prefixes, space-separated: `prefix` signs with its own name, `prefix=name` with
 * `name`; `*.prefix` stands for any one label before `prefix` (`{{AccountId}}.s3-control`).
 * @internal
 */
export const ENDPOINT_PREFIXES = `
{wrapped(prefixes)}
`;

/** Hosts whose region is not in their name, space-separated: `host=name/region`. @internal */
export const GLOBAL_ENDPOINTS = `
{wrapped(hosts)}
`;
"""


def main():
    package = sys.argv[1] if len(sys.argv) > 1 else default_package()
    data = os.path.join(package, "data")
    endpoints = load_json(find_json(data, "endpoints.json"))
    partitions = find_json(data, "partitions.json")
    suffixes = dns_suffixes(endpoints, partitions and load_json(partitions))
    rows, unsigned = model_rows(data)
    globals_ = endpoint_rows(endpoints, rows, unsigned, suffixes)
    version = botocore_version(package)
    with open(OUTPUT, "w", encoding="utf-8") as file:
        file.write(render(version, suffixes, rows, globals_))
    print(f"{OUTPUT}: botocore {version} from {package}", file=sys.stderr)
    print(f"{len(rows)} prefixes, {len(globals_)} global hosts", file=sys.stderr)


if __name__ == "__main__":
    main()
