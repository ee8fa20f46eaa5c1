"""policies.iam: every shape a policy arrives in becomes the same normalized statements."""

from __future__ import annotations

import json

import pytest

from policies import iam
from policies.model import Resource

ADMIN = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}


def _only(document: iam.PolicyDocument) -> iam.Statement:
    assert document.problems == ()
    assert len(document.statements) == 1
    return document.statements[0]


def _data(*statements: dict, **attrs: object) -> Resource:
    return Resource(
        "aws_iam_policy_document", "data.aws_iam_policy_document.d", {"statement": list(statements), **attrs}
    )


# -- JSON documents ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        ADMIN,  # decoded by Checkov (jsonencode, heredoc)
        json.dumps(ADMIN),  # plan JSON string
        json.dumps(ADMIN, indent=2) + "\n",  # heredoc text
        [ADMIN],  # Checkov wraps some decoded documents in a one-item list
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}},
        {"Statement": [{"Effect": "allow", "Action": ["*"], "Resource": ["*"]}]},
    ],
    ids=["decoded", "json-string", "heredoc-text", "wrapped", "one-statement-dict", "lists-lowercase-effect"],
)
def test_every_shape_of_the_same_document_reads_the_same(value: object) -> None:
    statement = _only(iam.read_policy(value))
    assert statement.effect == iam.ALLOW
    assert statement.actions == ("*",)
    assert statement.resources == ("*",)
    assert statement.unknown_fields == frozenset()


def test_all_statement_fields_are_read() -> None:
    statement = _only(
        iam.read_policy(
            {
                "Statement": [
                    {
                        "Sid": "DenyInsecureTransport",
                        "Effect": "Deny",
                        "NotAction": "iam:*",
                        "NotResource": ["arn:aws:s3:::a", "arn:aws:s3:::a/*"],
                        "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]},
                        "NotPrincipal": {"Service": "sagemaker.amazonaws.com"},
                        "Condition": {
                            "Bool": {"aws:SecureTransport": "false"},
                            "StringEquals": {"aws:PrincipalOrgID": ["o-1", "o-2"]},
                        },
                    }
                ]
            }
        )
    )
    assert statement.sid == "DenyInsecureTransport"
    assert statement.is_deny and not statement.is_allow
    assert statement.actions == () and statement.not_actions == ("iam:*",)
    assert statement.resources == () and statement.not_resources == ("arn:aws:s3:::a", "arn:aws:s3:::a/*")
    assert statement.principals == {"AWS": ("arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root")}
    assert statement.not_principals == {"Service": ("sagemaker.amazonaws.com",)}
    assert statement.conditions == (
        iam.Condition("Bool", "aws:SecureTransport", ("false",)),
        iam.Condition("StringEquals", "aws:PrincipalOrgID", ("o-1", "o-2")),
    )
    assert not statement.applies_to_everyone


@pytest.mark.parametrize(
    ("principal", "everyone"),
    [
        ("*", True),
        ({"AWS": "*"}, True),
        ({"AWS": ["arn:aws:iam::111122223333:root", "*"]}, True),
        ({"AWS": "arn:aws:iam::111122223333:root"}, False),
        ({"Service": "sagemaker.amazonaws.com"}, False),
        ({"Federated": "cognito-identity.amazonaws.com"}, False),
    ],
)
def test_principals(principal: object, everyone: bool) -> None:
    statement = _only(iam.read_policy({"Statement": {"Effect": "Deny", "Action": "s3:*", "Principal": principal}}))
    assert statement.applies_to_everyone is everyone


@pytest.mark.parametrize(
    "value",
    ["false", False, "False", ["false"], [False]],
    ids=["string", "bool", "checkov-str-of-bool", "list", "list-bool"],
)
def test_condition_values_read_as_iam_strings(value: object) -> None:
    statement = _only(
        iam.read_policy(
            {"Statement": {"Effect": "Deny", "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": value}}}}
        )
    )
    assert [v.lower() for v in statement.condition_values(["bool"], "AWS:SecureTransport")] == ["false"]
    assert statement.condition_values(["StringEquals"], "aws:SecureTransport") == ()


def test_a_document_without_statements_is_empty() -> None:
    assert iam.read_policy({"Version": "2012-10-17"}) == iam.PolicyDocument()
    for unset in (None, "", {}, []):
        assert iam.read_policy(unset) == iam.PolicyDocument()


# -- what cannot be read ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "reference"),
    [
        ("var.policy", None),
        ("${var.policy}", None),
        ("module.iam.policy_json", None),
        ("data.aws_iam_policy_document.d.json", "data.aws_iam_policy_document.d.json"),
        ("${data.aws_iam_policy_document.d.json}", "${data.aws_iam_policy_document.d.json}"),
        ("aws_iam_policy.shared.policy", "aws_iam_policy.shared.policy"),
    ],
)
def test_unresolved_and_referenced_policies_are_problems(value: str, reference: str | None) -> None:
    document = iam.read_policy(value)
    assert document.statements == ()
    assert len(document.problems) == 1
    assert document.reference == reference


@pytest.mark.parametrize(
    "value",
    [
        "not json",
        "{'Statement': []}",
        "${jsonencode(var.policy)}",  # an unevaluated jsonencode whose argument is not a literal
        "${jsonencode({'Statement': [{'Action': var.actions}]})}",
        "[1, 2]",
        "5",
        '"a string"',
        42,
        [ADMIN, ADMIN],
        True,
    ],
)
def test_text_that_is_not_a_json_document_is_a_problem_not_an_exception(value: object) -> None:
    document = iam.read_policy(value)
    assert document.statements == ()
    assert len(document.problems) == 1
    assert document.reference is None


def test_an_unevaluated_jsonencode_is_read_from_its_literal() -> None:
    """What Checkov hands over when it cannot render jsonencode() around mixed references: the references stay
    strings, the literal parts are known, the unresolved parts are unknown."""
    document = iam.read_policy(
        "${jsonencode({'Version': '2012-10-17', 'Statement': [{'Sid': 'Write', 'Effect': 'Allow', "
        "'Action': ['s3:GetObject', 's3:PutObject'], "
        "'Resource': ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*']}, "
        "{'Effect': 'Allow', 'Action': '${var.actions}', 'Resource': '*'}]})}"
    )
    assert document.problems == ()
    written, opaque = document.statements
    assert written.sid == "Write" and written.is_allow and written.unknown_fields == frozenset()
    assert written.actions == ("s3:GetObject", "s3:PutObject")
    assert written.resources == ("${aws_s3_bucket.b.arn}", "${aws_s3_bucket.b.arn}/*")
    assert opaque.is_unknown("actions") and opaque.resources == ("*",)


def test_statements_that_are_not_objects_are_problems() -> None:
    document = iam.read_policy({"Statement": [ADMIN["Statement"][0], "var.extra", 7, None]})
    assert len(document.statements) == 1
    assert len(document.problems) == 3
    assert "var.extra" in document.problems[0]
    assert iam.read_policy({"Statement": "var.statements"}).problems != ()


@pytest.mark.parametrize(
    ("statement", "unknown"),
    [
        ({"Effect": "Allow", "Action": "var.action", "Resource": "*"}, {"actions"}),
        ({"Effect": "Allow", "Action": ["s3:GetObject", "${var.extra}"], "Resource": "*"}, {"actions"}),
        ({"Effect": "Allow", "Action": [], "Resource": "*"}, {"actions"}),  # Checkov renders list(string) vars as []
        ({"Effect": "Allow", "Resource": "*"}, {"actions"}),  # IAM requires Action or NotAction
        ({"Effect": "Allow", "Action": "s3:*", "Resource": []}, {"resources"}),
        ({"Effect": "Allow", "Action": "s3:*", "NotResource": "var.keep"}, {"not_resources"}),
        ({"Action": "s3:*", "Resource": "*"}, {"effect"}),  # IAM requires Effect
        ({"Effect": "var.effect", "Action": "s3:*", "Resource": "*"}, {"effect"}),
        ({"Effect": "Permit", "Action": "s3:*", "Resource": "*"}, {"effect"}),
        ({"Effect": "Allow", "Action": [{"s3": "*"}], "Resource": "*"}, {"actions"}),
        ({"Effect": "Deny", "Action": "s3:*", "Principal": "var.who"}, {"principals"}),
        ({"Effect": "Deny", "Action": "s3:*", "Principal": {"AWS": "${var.account}"}}, {"principals"}),
        ({"Effect": "Deny", "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": "var.x"}}}, {"conditions"}),
        ({"Effect": "Deny", "Action": "s3:*", "Condition": {"Bool": "var.x"}}, {"conditions"}),
        ({"Effect": "Deny", "Action": "s3:*", "Condition": ["Bool"]}, {"conditions"}),
        ({"Effect": "Deny", "Action": "s3:*", "Condition": {"Bool": {"aws:SecureTransport": []}}}, {"conditions"}),
    ],
)
def test_fields_not_known_at_plan_time_are_named(statement: dict, unknown: set[str]) -> None:
    [read] = iam.read_policy({"Statement": [statement]}).statements
    assert read.unknown_fields == frozenset(unknown)


def test_known_parts_of_a_partly_unknown_field_are_kept() -> None:
    [read] = iam.read_policy(
        {"Statement": {"Effect": "Allow", "Action": ["s3:*", "var.more"], "Resource": "*"}}
    ).statements
    assert read.actions == ("s3:*",)
    assert read.is_unknown("actions") and not read.is_unknown("resources")


# -- data.aws_iam_policy_document ---------------------------------------------------------------------------


def test_policy_document_statement_blocks() -> None:
    """As Checkov delivers them: lists stay lists, "false" arrives as a boolean."""
    resource = _data(
        {
            "sid": "DenyInsecureTransport",
            "effect": "Deny",
            "actions": ["s3:*"],
            "resources": ["aws_s3_bucket.b.arn", "${aws_s3_bucket.b.arn}/*"],
            "principals": [{"type": "*", "identifiers": ["*"]}],
            "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": [False]}],
        },
        {
            "not_actions": ["iam:*"],
            "not_resources": ["arn:aws:s3:::keep"],
            "principals": [
                {"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]},
                {"type": "AWS", "identifiers": ["arn:aws:iam::444455556666:root"]},
            ],
            "not_principals": [{"type": "Service", "identifiers": ["sagemaker.amazonaws.com"]}],
        },
    )
    document = iam.read_policy_document(resource)
    assert document.problems == ()
    deny, allow = document.statements
    assert deny.is_deny and deny.sid == "DenyInsecureTransport"
    assert deny.actions == ("s3:*",) and deny.resources == ("aws_s3_bucket.b.arn", "${aws_s3_bucket.b.arn}/*")
    assert deny.applies_to_everyone
    assert deny.conditions == (iam.Condition("Bool", "aws:SecureTransport", ("false",)),)
    assert allow.is_allow  # the provider's default effect
    assert allow.not_actions == ("iam:*",) and allow.not_resources == ("arn:aws:s3:::keep",)
    assert allow.principals == {"AWS": ("arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root")}
    assert allow.not_principals == {"Service": ("sagemaker.amazonaws.com",)}
    assert allow.sid is None
    assert deny.unknown_fields == allow.unknown_fields == frozenset()


def test_policy_document_with_unresolved_values() -> None:
    document = iam.read_policy_document(
        _data(
            {"actions": "${var.actions}", "resources": "${var.resources}"},
            {"effect": "var.effect", "actions": ["var.extra", "s3:GetObject"], "resources": ["*"]},
            {
                "actions": ["s3:*"],
                "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": "${var.v}"}],
            },
        )
    )
    first, second, third = document.statements
    assert first.unknown_fields == {"actions", "resources"}
    assert second.unknown_fields == {"effect", "actions"} and second.actions == ("s3:GetObject",)
    assert third.unknown_fields == {"conditions"}


def test_policy_document_with_dynamic_or_broken_statements() -> None:
    dynamic = Resource(
        "aws_iam_policy_document", "data.aws_iam_policy_document.d", {}, dynamic_blocks=frozenset({"statement"})
    )
    assert iam.read_policy_document(dynamic).problems != ()
    assert iam.read_policy_document(_data("var.statement")).problems != ()
    assert iam.read_policy_document(Resource("aws_iam_policy_document", "d", {"statement": 7})).problems != ()
    assert iam.read_policy_document(Resource("aws_iam_policy_document", "d", {})) == iam.PolicyDocument()


def test_source_and_override_documents_merge_by_sid() -> None:
    source = {"Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
    override = {"Statement": [{"Sid": "Own", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}
    resource = _data(
        {"sid": "Read", "actions": ["s3:ListBucket"], "resources": ["*"]},
        {"sid": "Own", "actions": ["s3:PutObject"], "resources": ["*"]},
        source_policy_documents=[json.dumps(source)],
        override_policy_documents=override,  # a one-item list, unwrapped by the adapter
    )
    document = iam.read_policy_document(resource)
    assert document.problems == ()
    assert [(s.sid, s.effect, s.actions) for s in document.statements] == [
        ("Read", "Allow", ("s3:ListBucket",)),  # the own statement replaces the source's
        ("Own", "Deny", ("s3:*",)),  # the override replaces the own statement
    ]


def test_unresolved_source_documents_are_problems() -> None:
    resource = _data(
        {"actions": ["s3:GetObject"], "resources": ["*"]},
        source_policy_documents=["data.aws_iam_policy_document.base.json"],
        override_policy_documents="var.overrides",
    )
    document = iam.read_policy_document(resource)
    assert len(document.statements) == 1
    assert len(document.problems) == 2


# -- matching ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "action", "matches"),
    [
        ("s3:GetObject", "s3:getobject", True),
        ("S3:Get*", "s3:GetObjectVersion", True),
        ("s3:Get*", "s3:PutObject", False),
        ("*", "sagemaker:CreateTrainingJob", True),
        ("sagemaker:*", "SageMaker:InvokeEndpoint", True),
        ("s3:Get?bject", "s3:GetObject", True),
        ("s3:Get?bject", "s3:GetObjects", False),
        ("s3:Get.Object", "s3:GetXObject", False),  # regex characters are literal
        ("s3:**", "s3:DeleteBucket", True),
        ("*:*", "bedrock:InvokeModel", True),
        ("iam:Pass*", "IAM:PassRole", True),
        ("IAM:*Role", "iam:PassRole", True),
        ("iam:*Pass*Role*", "iam:passrole", True),
        ("iam:Pass?", "iam:PassRole", False),
        ("i?m:Pass*", "iam:PassRole", True),
        ("s3:Get*", "s3get:Object", False),
    ],
)
def test_action_matches_ignores_case(pattern: str, action: str, matches: bool) -> None:
    assert iam.action_matches(pattern, action) is matches


@pytest.mark.parametrize(
    ("action", "wildcard"),
    [
        ("*", True),
        ("s3:*", True),
        ("SageMaker:*", True),
        ("*:*", True),
        ("s3:**", True),
        ("S3:?*", True),  # every action name has at least one character
        ("**", True),
        ("?", False),
        ("s3:?", False),
        ("s3:*?*", True),
        ("s3:Get*", False),
        ("s3:GetObject", False),
        (":*", False),
        ("s3:", False),
        ("", False),
    ],
)
def test_is_service_wildcard(action: str, wildcard: bool) -> None:
    assert iam.is_service_wildcard(action) is wildcard


@pytest.mark.parametrize(
    ("action", "covers"),
    [("*", True), ("s3:*", True), ("S3:*", True), ("*:*", True), ("s3:Get*", False), ("sagemaker:*", False)],
)
def test_covers_service(action: str, covers: bool) -> None:
    assert iam.covers_service(action, "s3") is covers


# -- odd input never raises ---------------------------------------------------------------------------------

ODD_VALUES = [
    None, 0, 1.5, True, "", "x", "{", "[]", "null", [], [None], {}, {"Statement": None}, {"Statement": 3},
    {"Statement": [{"Effect": None, "Action": None, "Resource": None, "Condition": None, "Principal": None}]},
    {"Statement": [{"Effect": 1, "Action": 2, "Resource": {"a": 1}, "Condition": {"Bool": {"k": {"x": 1}}}}]},
    {"Statement": [{"Principal": [1], "NotPrincipal": 3, "Condition": {1: {2: 3}}, "Sid": 4}]},
    {"Statement": [{"Principal": {"AWS": None}}]},
    {"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": [None, {"x": 1}]}}}]},
]  # fmt: skip


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_policies_never_raise(value: object) -> None:
    assert isinstance(iam.read_policy(value), iam.PolicyDocument)


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_policy_documents_never_raise(value: object) -> None:
    for attrs in (
        {"statement": value},
        {"statement": [{"effect": value, "actions": value, "principals": value, "condition": value}]},
        {"statement": [{"principals": [{"type": value, "identifiers": value}]}]},
        {"statement": [{"condition": [{"test": value, "variable": value, "values": value}]}]},
        {"source_policy_documents": value, "override_policy_documents": value},
    ):
        assert isinstance(iam.read_policy_document(Resource("aws_iam_policy_document", "d", attrs)), iam.PolicyDocument)


@pytest.mark.parametrize(
    ("resource", "every_resource", "every_role"),
    [
        ("*", True, True),
        ("**", True, True),
        ("arn:aws:s3:::*", True, False),
        ("arn:aws:sagemaker:*:*:*", True, False),
        ("arn:aws:iam::*:*", True, True),
        ("arn:aws:iam::111122223333:*", True, True),
        ("arn:aws:iam::111122223333:role/*", False, True),
        ("arn:aws-us-gov:iam::111122223333:ROLE/*", False, True),
        ("arn:*:iam::*:role/*", False, True),
        ("arn:aws:iam::111122223333:role/sagemaker/*", False, False),
        ("arn:aws:iam::111122223333:role/training", False, False),
        ("arn:aws:iam::111122223333:user/*", False, False),
        ("arn:aws:s3:::training-data/*", False, False),
        ("arn:aws:s3:::training-*", False, False),
        ("arn:aws:s3:::*/*", True, False),
        ("arn:aws:s3:::training-data/*", False, False),
        ("arn:aws:iam::111122223333:role/*/*", False, True),
        ("", False, False),
    ],
)
def test_resources_that_name_everything(resource: str, every_resource: bool, every_role: bool) -> None:
    assert iam.matches_every_resource(resource) is every_resource
    assert iam.matches_every_role(resource) is every_role


@pytest.mark.parametrize(
    ("statement", "names"),
    [
        ({"Effect": "Allow", "Action": "kms:*", "Resource": "*"}, False),
        ({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*"}, True),
        ({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}, True),
        ({"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*"}, True),
        ({"Effect": "Allow", "Principal": "var.principal", "Action": "s3:*"}, True),
    ],
)
def test_names_principals(statement: dict, names: bool) -> None:
    assert iam.names_principals(_only(iam.read_policy({"Statement": [statement]}))) is names


def test_dynamic_principals_blocks_may_name_principals() -> None:
    statement = {"actions": ["kms:*"], "resources": ["*"]}
    plain = _data(statement)
    dynamic = Resource(plain.type, plain.address, plain.attrs, frozenset({"principals"}))
    assert not iam.names_principals(_only(iam.read_policy_document(plain)))
    assert iam.names_principals(_only(iam.read_policy_document(dynamic)))


# -- managed policies ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "broad"),
    [
        ("AdministratorAccess", True),
        ("PowerUserAccess", True),
        ("IAMFullAccess", True),
        ("AmazonS3FullAccess", True),
        ("AmazonSageMakerFullAccess", True),
        ("AWSLambda_FullAccess", True),
        ("AmazonDynamoDBFullAccess_v2", True),
        ("amazons3fullaccess", True),
        ("AdministratorAccess-Amplify", False),
        ("ReadOnlyAccess", False),
        ("AmazonSageMakerReadOnly", False),
        ("AWSLambdaBasicExecutionRole", False),
    ],
)
def test_is_broad_managed_policy_name(name: str, broad: bool) -> None:
    assert iam.is_broad_managed_policy_name(name) is broad


@pytest.mark.parametrize(
    ("arn", "account", "name"),
    [
        ("arn:aws:iam::aws:policy/AdministratorAccess", "aws", "AdministratorAccess"),
        ("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaRole", "aws", "AWSLambdaRole"),
        ("arn:${data.aws_partition.current.partition}:iam::aws:policy/X", "aws", "X"),
        ('format("arn:%s:iam::aws:policy/%s", local.partition, "X")', "aws", "X"),
        ('format("arn:%s:iam::aws:policy/%s",aws,"X")', "aws", "X"),
        ('${format("arn:%s:iam::%s:policy/%s", "aws", "111122223333", "X")}', "111122223333", "X"),
        ('format("arn:%s:iam::aws:policy/%s", "aws", var.name)', "aws", None),
        ('format("arn:%s:iam::aws:policy/%s", "aws", lower("X"))', "aws", None),
        ('format("arn:%s:iam::aws:policy/%s", "aws")', "aws", None),  # too few arguments
        ('format("arn:%s:iam::aws:policy/100%%", "aws")', "aws", "100%"),
        ("arn:aws:iam::${var.account}:policy/X", None, "X"),
    ],
)
def test_read_policy_arn(arn: str, account: str | None, name: str | None) -> None:
    policy = iam.read_policy_arn(arn)
    assert policy is not None
    assert (policy.account, policy.name) == (account, name)


@pytest.mark.parametrize(
    "value",
    [
        "aws_iam_policy.p.arn",
        "var.policy_arn",
        "AdministratorAccess",
        "arn:aws:iam::aws:role/AdministratorAccess",
        "arn:aws:s3:::bucket/policy/AdministratorAccess",
        "arn:notapartition:iam::aws:policy/AdministratorAccess",
        'format(var.template, "AdministratorAccess")',
        "format(",
        None,
        42,
        ["arn:aws:iam::aws:policy/AdministratorAccess"],
    ],
)
def test_what_is_not_a_policy_arn(value: object) -> None:
    assert iam.read_policy_arn(value) is None
    assert not iam.is_broad_aws_managed_policy(value)  # type: ignore[arg-type]


def test_is_broad_aws_managed_policy() -> None:
    assert iam.is_broad_aws_managed_policy("arn:aws:iam::aws:policy/service-role/AmazonSageMakerFullAccess")
    assert not iam.is_broad_aws_managed_policy("arn:aws:iam::111122223333:policy/AdministratorAccess")
    assert not iam.is_broad_aws_managed_policy("arn:aws:iam::${var.account}:policy/AdministratorAccess")


@pytest.mark.parametrize(
    ("name", "path_prefix", "account"),
    [
        ("AdministratorAccess", None, "aws"),
        ("AdministratorAccess", "/", "aws"),
        ("AdministratorAccess", "/service-role/", "aws"),
        ("AdministratorAccess", "/service", "aws"),  # a prefix of an AWS path
        ("AdministratorAccess", "/team/", "this account"),
        ("AdministratorAccess", "var.path", None),
    ],
)
def test_managed_policy_by_name(name: str, path_prefix: str | None, account: str | None) -> None:
    policy = iam.managed_policy_by_name(name, path_prefix)
    assert policy is not None
    assert policy.account == account


@pytest.mark.parametrize("name", [None, "", "var.name", "data.aws_ssm_parameter.policy.value", 42])
def test_managed_policy_by_an_unknown_name(name: object) -> None:
    assert iam.managed_policy_by_name(name) is None
