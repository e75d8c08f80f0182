#!/usr/bin/env python3
"""botocore as an independent SigV4 oracle for the tests (test/support/botocoreOracle.ts).

One long-running process serves every case: it reads one JSON request per line on stdin and
writes one JSON answer per line on stdout, in order:

  in:  {"id", "method", "url", "headers": [[name, value], ...], "body": base64, "amzDate",
        "region", "service", "accessKeyId", "secretAccessKey", "sessionToken"?, "s3"?}
  out: {"id", "canonicalRequest", "stringToSign", "signature", "signedHeaders"}
       or {"id", "error"}

With "expires" (seconds) the request is presigned instead, as SigV4QueryAuth does (the X-Amz-*
parameters added to the URL, X-Amz-Signature last), and the answer also holds the presigned "url".

The request is signed as it is given: the caller passes exactly the headers to sign (x-amz-date
and x-amz-security-token among them) and the signing time. botocore computes the canonical
request, string to sign and signature with SigV4Auth, as it does for every AWS SDK for Python
call. The first line written is {"ready": true, "botocore": version}, or {"ready": false,
"error"} when botocore cannot be imported.
"""
import base64
import json
import sys


def answer(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def sign(request, AWSRequest, Credentials, SigV4Auth, S3SigV4Auth):
    aws_request = AWSRequest(
        method=request["method"],
        url=request["url"],
        data=base64.b64decode(request["body"]),
    )
    for name, value in request["headers"]:
        aws_request.headers[name] = value  # HTTPHeaders appends: repeated fields stay repeated
    aws_request.context["timestamp"] = request["amzDate"]
    credentials = Credentials(
        request["accessKeyId"], request["secretAccessKey"], request.get("sessionToken")
    )
    # S3SigV4Auth: botocore's S3 signer, which signs the path as sent (no normalization).
    Auth = S3SigV4Auth if request.get("s3") else SigV4Auth
    auth = Auth(credentials, request["service"], request["region"])
    canonical_request = auth.canonical_request(aws_request)
    string_to_sign = auth.string_to_sign(aws_request, canonical_request)
    return {
        "canonicalRequest": canonical_request,
        "stringToSign": string_to_sign,
        "signature": auth.signature(string_to_sign, aws_request),
        "signedHeaders": auth.signed_headers(auth.headers_to_sign(aws_request)),
    }


def presign(request, AWSRequest, Credentials, SigV4QueryAuth):
    aws_request = AWSRequest(method=request["method"], url=request["url"])
    aws_request.context["timestamp"] = request["amzDate"]
    credentials = Credentials(
        request["accessKeyId"], request["secretAccessKey"], request.get("sessionToken")
    )
    auth = SigV4QueryAuth(credentials, request["service"], request["region"], request["expires"])
    # add_auth without its own clock: the signing time is the case's.
    auth._modify_request_before_signing(aws_request)
    canonical_request = auth.canonical_request(aws_request)
    string_to_sign = auth.string_to_sign(aws_request, canonical_request)
    signature = auth.signature(string_to_sign, aws_request)
    auth._inject_signature_to_request(aws_request, signature)
    return {
        "canonicalRequest": canonical_request,
        "stringToSign": string_to_sign,
        "signature": signature,
        "signedHeaders": auth.signed_headers(auth.headers_to_sign(aws_request)),
        "url": aws_request.url,
    }


def main():
    try:
        import botocore
        from botocore.auth import S3SigV4Auth, SigV4Auth, SigV4QueryAuth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
    except ImportError as error:
        answer({"ready": False, "error": str(error)})
        return
    answer({"ready": True, "botocore": botocore.__version__})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            if "expires" in request:
                result = presign(request, AWSRequest, Credentials, SigV4QueryAuth)
            else:
                result = sign(request, AWSRequest, Credentials, SigV4Auth, S3SigV4Auth)
            answer({"id": request["id"], **result})
        except Exception as error:  # reported to the test, which fails with it
            answer({"id": request["id"], "error": f"{type(error).__name__}: {error}"})


if __name__ == "__main__":
    main()
