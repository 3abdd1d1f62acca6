"""Runs batches of boto3 calls against Ground Station Local and prints their outcomes as JSON.

One process serves a whole test file: importing boto3 and building a client cost more than most
calls, so both happen once. Batches run concurrently (a test may wait on one while another acts).

stdin, one line per batch: {"id", "endpoint", "region", "account", "profile"?, "credentialsFile"?, "calls": [{"op", "params"} | {"paginate", "params"} | {"wait", "params", "delay", "maxAttempts"}]}
stdout, one line per batch: {"id", "outcomes": [{"result": ...} | {"error": {"code", "message", "status", "parameterName"}} | {"clientError": "..."}]}
"""
import datetime
import json
import sys
import threading
import traceback

import boto3
import botocore.exceptions
import botocore.session
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


clients = {}
clients_lock = threading.Lock()
output_lock = threading.Lock()


def client_for(request):
    profile = request.get("profile")
    key = (request["endpoint"], request["region"], request["account"], profile, request.get("credentialsFile"))
    with clients_lock:
        if key not in clients:
            if profile:
                # The profile's keys come from that shared-credentials file, read by botocore itself.
                session = botocore.session.Session(profile=profile)
                session.set_config_variable("credentials_file", request["credentialsFile"])
                credentials = {}
            else:
                session = botocore.session.Session()
                credentials = {"aws_access_key_id": request["account"], "aws_secret_access_key": "local"}
            clients[key] = boto3.Session(botocore_session=session).client(
                "groundstation",
                endpoint_url=request["endpoint"],
                region_name=request["region"],
                config=Config(retries={"max_attempts": 1, "mode": "standard"}),
                **credentials,
            )
        return clients[key]


def answer(request):
    try:
        client = client_for(request)
        line = json.dumps({"id": request["id"], "outcomes": [run(client, call) for call in request["calls"]]})
    except Exception:  # anything unexpected fails that batch's test, not the whole file's bridge
        line = json.dumps({"id": request["id"], "failure": traceback.format_exc()})
    with output_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def main():
    for line in sys.stdin:
        threading.Thread(target=answer, args=(json.loads(line),), daemon=True).start()


main()
