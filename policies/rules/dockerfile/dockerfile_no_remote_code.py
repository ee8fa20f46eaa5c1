"""CKV_AISEC_133: a Dockerfile does not turn on trust_remote_code in ENV, ARG, RUN, CMD or ENTRYPOINT."""

from __future__ import annotations

from policies.container_env import pointing_at
from policies.dockerfile import assignments, exec_words, instructions
from policies.model import Resource, Result, fold, passed, unknown
from policies.supply_chain import remote_code_in_command, remote_code_in_environment


def evaluate(resource: Resource) -> Result:
    found = instructions(resource.get("instructions"))
    if not any(instruction.keyword == "FROM" for instruction in found):
        return unknown("the Dockerfile has no FROM instruction")
    results: list[Result] = []
    for instruction in found:
        where = f"{instruction.keyword} at {instruction.where}"
        if instruction.keyword in ("ENV", "ARG"):
            found = remote_code_in_environment(assignments(instruction).items(), where)
            results.extend(pointing_at(result, instruction.keyword) for result in found)
        elif instruction.keyword in ("RUN", "CMD", "ENTRYPOINT"):
            result = remote_code_in_command(exec_words(instruction.value), where)
            if result is not None:
                results.append(pointing_at(result, instruction.keyword))
    return fold(results, passed("no instruction turns on trust_remote_code"))
