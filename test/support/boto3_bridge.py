"""Runs a batch of boto3 calls against Ground Station Local and prints their outcomes as JSON.

stdin: {"endpoint", "region", "account", "profile"?, "calls": [{"op", "params"} | {"paginate", "params"} | {"wait", "params", "delay", "maxAttempts"}]}
stdout: one outcome per call: {"result": ...} | {"error": {"code", "message", "status", "parameterName"}} | {"clientError": "..."}
"""
import datetime
import json
import sys

import boto3
import botocore.exceptions
from botocore.config import Config


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    return value


def run(client, call):
    try:
        if "paginate" in call:
            pages = client.get_paginator(call["paginate"]).paginate(**call.get("params", {}))
            return {"result": [plain(page) for page in pages]}
        if "wait" in call:
            waiter = client.get_waiter(call["wait"])
            waiter.wait(**call.get("params", {}), WaiterConfig={"Delay": call.get("delay", 1), "MaxAttempts": call.get("maxAttempts", 10)})
            return {"result": {}}
        response = getattr(client, call["op"])(**call.get("params", {}))
        return {"result": plain(response), "requestId": response["ResponseMetadata"].get("RequestId")}
    except botocore.exceptions.ClientError as error:
        err = error.response.get("Error", {})
        return {
            "error": {
                "code": err.get("Code"),
                "message": err.get("Message"),
                "status": error.response.get("ResponseMetadata", {}).get("HTTPStatusCode"),
                "parameterName": error.response.get("parameterName"),
                "exceptionClass": type(error).__name__,
            }
        }
    except (botocore.exceptions.ParamValidationError, botocore.exceptions.WaiterError, botocore.exceptions.PaginationError) as error:
        return {"clientError": str(error), "clientErrorClass": type(error).__name__}


def main():
    request = json.load(sys.stdin)
    # A profile is read from the shared-credentials file AWS_SHARED_CREDENTIALS_FILE names.
    credentials = {} if request.get("profile") else {"aws_access_key_id": request["account"], "aws_secret_access_key": "local"}
    client = boto3.Session(profile_name=request.get("profile")).client(
        "groundstation",
        endpoint_url=request["endpoint"],
        region_name=request["region"],
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
        **credentials,
    )
    json.dump([run(client, call) for call in request["calls"]], sys.stdout)


main()
