#!/usr/bin/env python3
"""botocore as the oracle of host -> signing name and region (test/scope/signingNames.test.ts).

For every service botocore can sign for with SigV4, every region of every partition (and every
other endpoint key endpoints.json lists, such as `aws-global`), plain, FIPS, dual-stack and both,
botocore's own ClientEndpointBridge (what a client's constructor uses) gives the host it sends to
and the signing name and region it signs with. Static operation host prefixes (`data-`, `api.`)
and one-label dynamic ones (`{AccountId}.`, filled with `123456789012`) are added to the plain
regional hosts, as botocore's endpoint handler does. Templates botocore fills with a key that is
no region (`fsx.prod-us-east-1.amazonaws.com`) are left out: no such host exists. One JSON
document on stdout:

  {"botocore": version, "endpoints": [[host, signingName, signingRegion], ...]}

A host that two services would sign differently appears once per answer.
"""
import copy
import json
import re
import sys

ONE_LABEL_PARAMETER = re.compile(r"^\{[A-Za-z]+\}\.$")
SIGV4_VERSIONS = {"v4", "s3v4", "s3", "v4-unsigned-body"}
VARIANTS = [(False, False), (True, False), (False, True), (True, True)]


def signs_with_sigv4(metadata):
    auth = metadata.get("auth") or []
    return metadata.get("signatureVersion") in SIGV4_VERSIONS or "aws.auth#sigv4" in auth


def host_prefixes(model):
    found = set()
    for operation in model.get("operations", {}).values():
        prefix = operation.get("endpoint", {}).get("hostPrefix")
        if prefix and "{" not in prefix:
            found.add(prefix)
        elif prefix and ONE_LABEL_PARAMETER.match(prefix):
            found.add("123456789012.")
    return found


def endpoint_names(endpoints, prefix):
    """(partition, endpoint name, is a region) for every region and every listed key."""
    for partition in endpoints["partitions"]:
        names = set(partition["regions"])
        names |= set(partition["services"].get(prefix, {}).get("endpoints", {}))
        for name in sorted(names):
            is_region = name in partition["regions"] or re.match(partition["regionRegex"], name)
            yield name, bool(is_region)


def templated_from_pseudo_region(metadata, tags, endpoints, prefix):
    """A hostname template filled with an endpoint key that is no region (`fips-us-east-1`,
    `aws-global`, `rds.us-east-1`) names no host that exists: `fsx.prod-us-east-1...`. A key's
    own hostname (`iam.amazonaws.com` for `aws-global`) is real."""
    name = metadata["endpointName"]
    partition = next(p for p in endpoints["partitions"] if p["partition"] == metadata["partition"])
    if name in partition["regions"] or re.match(partition["regionRegex"], name):
        return False
    endpoint = partition["services"].get(prefix, {}).get("endpoints", {}).get(name, {})
    if not tags:
        return "hostname" not in endpoint
    own = [v for v in endpoint.get("variants", []) if set(v["tags"]) == tags]
    return not any("hostname" in v for v in own)


def resolve_all(botocore):
    from botocore.client import ClientEndpointBridge
    from botocore.config import Config
    from botocore.loaders import create_loader
    from botocore.regions import EndpointResolver

    loader = create_loader()
    endpoints = loader.load_data("endpoints")
    resolver = EndpointResolver(copy.deepcopy(endpoints))  # it merges defaults into its data
    found = set()
    for service in loader.list_available_services("service-2"):
        model = loader.load_service_model(service, "service-2")
        metadata = model["metadata"]
        if not signs_with_sigv4(metadata):
            continue
        prefix = metadata["endpointPrefix"]
        prefixes = host_prefixes(model)
        for fips, dualstack in VARIANTS:
            config = Config(use_fips_endpoint=fips, use_dualstack_endpoint=dualstack)
            bridge = ClientEndpointBridge(
                resolver, client_config=config, service_signing_name=metadata.get("signingName")
            )
            for name, is_region in endpoint_names(endpoints, prefix):
                if not is_region and (fips or dualstack):
                    continue  # `aws-global` has no FIPS or dual-stack form of its own
                try:
                    resolved = bridge.resolve(prefix, name)
                except botocore.exceptions.BotoCoreError:
                    continue  # no such variant in that partition
                host = resolved["endpoint_url"].split("://", 1)[1]
                tags = {t for t, on in (("fips", fips), ("dualstack", dualstack)) if on}
                if templated_from_pseudo_region(resolved["metadata"], tags, endpoints, prefix):
                    continue
                answer = (resolved["signing_name"], resolved["signing_region"])
                found.add((host, *answer))
                if is_region and not (fips or dualstack):
                    found.update((p + host, *answer) for p in prefixes)
    return sorted(found)


def main():
    import botocore
    import botocore.exceptions

    json.dump({"botocore": botocore.__version__, "endpoints": resolve_all(botocore)}, sys.stdout)


if __name__ == "__main__":
    main()
