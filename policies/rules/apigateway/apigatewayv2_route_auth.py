"""CKV2_AISEC_17: HTTP API routes require authorization; WebSocket APIs authorize on their $connect route.

WebSocket APIs accept an authorizer on $connect only, so every other route of a WebSocket API is as open as
the API's $connect route. The protocol comes from the API the route refers to, or else from the route key.
"""

from __future__ import annotations

import re

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    as_bool,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

ROUTE = "aws_apigatewayv2_route"
API = "aws_apigatewayv2_api"
AUTHORIZERS = ("AWS_IAM", "CUSTOM", "JWT")
CONNECT = "$connect"
HTTP_ROUTE_KEY = re.compile(r"^([A-Za-z]+) /")
WEBSOCKET_KEYS = (CONNECT, "$disconnect")
_INDEX = re.compile(r"\[[^\]]*\]")


def _literal(value: object) -> str | None:
    if isinstance(value, str) and value and not is_reference(value) and not is_unresolved(value):
        return value.strip()
    return None


def _api_identity(route: Resource, graph: Graph) -> str | None:
    """What names the route's API: the API resource's base address, or a literal API ID."""
    value = route.get("api_id")
    if is_reference(value):
        targets = {_INDEX.sub("", api.address) for api in graph.resolve(value, route) if api.type == API}
        return targets.pop() if len(targets) == 1 else None
    return _literal(value)


def _protocol(route: Resource, graph: Graph) -> str | None:
    """HTTP or WEBSOCKET, from the API the route refers to, else from its route key; None if undecided."""
    apis = [api for api in graph.resolve(route.get("api_id"), route) if api.type == API]
    protocols = {_literal(api.get("protocol_type")) for api in apis}
    if len(protocols) == 1 and (protocol := protocols.pop()) is not None:
        return protocol.upper()
    key = _literal(route.get("route_key"))
    if key is None or key == "$default":
        return None
    if HTTP_ROUTE_KEY.match(key):
        return "HTTP"
    return "WEBSOCKET" if key in WEBSOCKET_KEYS or " " not in key else None


def _authorizer(route: Resource) -> tuple[bool | None, str]:
    """(True, type) when the route carries an authorizer, (False, "NONE") when it is open, (None, why) else."""
    value = route.get("authorization_type")
    if is_unset(value):
        return False, "NONE"
    text = _literal(value)
    if text is None:
        if is_unresolved(value) or is_reference(value):
            return None, f"authorization_type is not known at plan time ({value})"
        return None, f"authorization_type is not a string ({value!r})"
    if text.upper() in AUTHORIZERS:
        return True, text.upper()
    if text.upper() == "NONE":
        return False, "NONE"
    return None, f"authorization_type is {text!r}, which API Gateway does not accept"


def _judge_http(route: Resource) -> Result:
    authorized, detail = _authorizer(route)
    key = _literal(route.get("route_key")) or ""
    if authorized:
        return passed(f"callers are authorized by {detail}")
    match = HTTP_ROUTE_KEY.match(key)
    if match and match.group(1).upper() == "OPTIONS":
        return passed("an OPTIONS route answers CORS preflight requests, which browsers send without credentials")
    if authorized is None:
        return unknown(detail)
    return failed(f"authorization_type is NONE: anyone can call {key or 'this route'}")


def _judge_connect(route: Resource) -> Result:
    authorized, detail = _authorizer(route)
    if authorized:
        return passed(f"connections are authorized by {detail} on {route.address}")
    api_key = route.get("api_key_required")
    requires_key = False if is_unset(api_key) else as_bool(api_key)
    if requires_key:
        return passed(f"connections must present an API key on {route.address}")
    if authorized is None:
        return unknown(f"{route.address}: {detail}")
    if requires_key is None:
        return unknown(f"{route.address}: api_key_required is not a known boolean ({api_key!r})")
    return failed(f"{route.address} ($connect) accepts connections without authorization")


def _judge_websocket_route(route: Resource, graph: Graph) -> Result:
    api = _api_identity(route, graph)
    if api is None:
        return unknown(f"this WebSocket route's API ({route.get('api_id')}) is not known at plan time")
    connects: list[Resource] = []
    undecided: list[Resource] = []
    for other in graph.of_type(ROUTE):
        key = other.get("route_key")
        other_api = _api_identity(other, graph)
        if other_api is None or _literal(key) is None:
            if other_api in (None, api) and (_literal(key) in (None, CONNECT)):
                undecided.append(other)
        elif other_api == api and key == CONNECT:
            connects.append(other)
    if connects:
        return combine([_judge_connect(connect) for connect in connects], failed("no $connect route"))
    if undecided:
        return unknown(f"{undecided[0].address} may be this API's $connect route, but is not known at plan time")
    return failed("the WebSocket API has no $connect route, so it accepts every connection without authorization")


def evaluate(resource: Resource, graph: Graph) -> Result:
    protocol = _protocol(resource, graph)
    key = _literal(resource.get("route_key"))
    if protocol == "WEBSOCKET":
        if key == CONNECT:
            return _judge_connect(resource)
        if key is None:
            return unknown(f"route_key is not known at plan time ({resource.get('route_key')})")
        return _judge_websocket_route(resource, graph)
    if protocol == "HTTP":
        return _judge_http(resource)
    authorized, detail = _authorizer(resource)
    if authorized:
        return passed(f"callers are authorized by {detail}")
    if key is None:
        return unknown(f"route_key is not known at plan time ({resource.get('route_key')})")
    return unknown(
        f"{key} is open, but whether its API is HTTP (open to anyone) or WebSocket (authorized at $connect) "
        "is not known at plan time"
    )
