#!/usr/bin/env python3
"""botocore as the oracle of src/constants.ts REGION_PATTERN (test/scope/regionPattern.test.ts).

Every region of every partition of botocore's endpoints.json, and every other endpoint key there
(`aws-global`, `fips-us-east-1`, `us-east-1-fips`, `bedrock-runtime-eu-west-1`), which names no
region. One JSON document on stdout:

  {"botocore": version, "regions": [...], "otherKeys": [...]}
"""
import json
import sys


def main():
    import botocore
    from botocore.loaders import create_loader

    endpoints = create_loader().load_data("endpoints")
    regions, keys = set(), set()
    for partition in endpoints["partitions"]:
        regions.update(partition["regions"])
        for service in partition["services"].values():
            keys.update(service.get("endpoints", {}))
    json.dump(
        {"botocore": botocore.__version__, "regions": sorted(regions), "otherKeys": sorted(keys - regions)},
        sys.stdout,
    )


if __name__ == "__main__":
    main()
