"""What a Terraform configuration says about one resource beyond what Checkov rendered: whether it is created
at all, and what its settings are under the module's inputs and defaults.

Checkov (3.3.x) renders ``var.x`` with a ``null`` value as the unresolved name ``var.x``, so ``var.x != null``
renders as true, ``var.x == null`` as false, a ``count`` gated on them goes the wrong way, and
``kms_key_id = var.kms_key_id`` (default ``null``) reads as "set to something unknown". Function calls it
cannot evaluate (``lookup(var.cfg, "k", null)`` over an empty map) stay as text. It skips resources whose
``count`` renders to 0 for resource checks, but not for graph checks, and evaluates resources whose
``for_each`` renders to ``{}``.

This module reads the resource's own expressions (Checkov's HCL parser, cached per file) and the values
Checkov gives the module's variables (the graph's variable vertices: the caller's argument, else the
declared default), and evaluates them with ``policies.hcl_expressions``. A local is evaluated the same way
from its own expression as written (Checkov's rendering of it has the same null problem), only when an
expression reads it. docs/checkov.md lists the facts.
"""

from __future__ import annotations

import copy
import enum
import logging
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from networkx import DiGraph

from policies import hcl_expressions as hcl
from policies.model import Resource, Result, Verdict, is_reference, is_unresolved

logger = logging.getLogger(__name__)


class Gate(enum.Enum):
    CREATED = "created"
    NOT_CREATED = "not created"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Instance:
    """One resource as the configuration creates it: its gate, and settings evaluated from the variables."""

    gate: Gate = Gate.CREATED
    gate_reason: str = ""
    values: Mapping[tuple[Any, ...], Any] = field(default_factory=dict)  # path -> value under the module's inputs
    notes: Mapping[str, str] = field(default_factory=dict)  # attribute -> why it has that value
    empty_dynamic_blocks: frozenset[str] = frozenset()

    def apply(self, resource: Resource) -> Resource:
        """The resource with the evaluated settings in place of Checkov's renderings."""
        if not self.values and not self.empty_dynamic_blocks:
            return resource
        attrs = copy.deepcopy(
            {key: value for key, value in resource.attrs.items() if key not in self.empty_dynamic_blocks}
        )
        for path, value in self.values.items():
            _set(attrs, path, value)
        dynamic = resource.dynamic_blocks - self.empty_dynamic_blocks
        return Resource(resource.type, resource.address, attrs, dynamic)

    def explain(self, result: Result) -> Result:
        """A FAIL caused by a setting that the module's defaults leave unset says so."""
        if result.verdict is not Verdict.FAIL:
            return result
        notes = [note for name, note in self.notes.items() if re.search(rf"\b{re.escape(name)}\b", result.reason)]
        if not notes:
            return result
        return Result(result.verdict, f"{result.reason} ({'; '.join(notes)})", result.attribute)


CREATED = Instance()


def _set(attrs: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    """Set ``attrs[block][index]...[attribute]``; a path whose blocks Checkov did not render is left alone."""
    container: Any = attrs
    for step in path[:-1]:
        if isinstance(step, int):
            container = container[step] if isinstance(container, list) and step < len(container) else None
        else:
            container = container.get(step) if isinstance(container, dict) else None
        if container is None:
            return
    if isinstance(container, dict):
        container[path[-1]] = value


_SKIPPED_ATTRIBUTES = frozenset({"count", "for_each", "dynamic", "provider", "depends_on", "lifecycle"})
_INDEX = re.compile(r"\[[^\]]*\]")


# -- the resource's own expressions ------------------------------------------------------------------------


# Only a resource whose evaluation can differ from Checkov's rendering is handed to the parser: one whose text
# holds a variable, a count/for_each or dynamic block, null, a conditional or a function this module evaluates,
# or one into which Checkov rendered another block's value (its rendering breadcrumbs: a reference this module
# keeps as a reference), or a local. Anything else (literals, references Checkov left as text, jsonencode)
# evaluates to what Checkov rendered or to UNKNOWN, which changes nothing.
_WORTH_EVALUATING = re.compile(
    r"\bvar\.|\blocal\.|\bcount\b|\bfor_each\b|\bdynamic\b|\bnull\b|\?|\b(?:lookup|try|coalesce|length)\s*\("
)


class Sources:
    """The .tf text of one scan, read lazily: a file is read at most once, a resource's block parsed at most once,
    and only for resources whose text holds something worth evaluating (``_WORTH_EVALUATING``)."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str] | None] = {}
        self._files: dict[str, dict[tuple[str, str, str], Any]] = {}
        self._blocks: dict[tuple[str, int, int], dict[tuple[str, str, str], Any]] = {}
        self.parsed = 0  # blocks and files handed to the HCL parser, for tests and profiling

    def raw_block(self, vertex: Mapping[str, Any], kind: str, resource_type: str, name: str) -> dict[str, Any] | None:
        """The resource's attributes as written (expressions as text), or None when there is nothing to evaluate."""
        path = str(vertex.get("file_path_") or "")
        if not path.endswith(".tf"):
            return None
        key = (kind, resource_type, name)
        start, end = vertex.get("__start_line__"), vertex.get("__end_line__")
        lines = self._file_lines(path)
        if lines is None:
            return None
        if not (isinstance(start, int) and isinstance(end, int) and 1 <= start <= end <= len(lines)):
            return self._file_blocks(path, lines).get(key)  # no line numbers: read the whole file
        text = "".join(lines[start - 1 : end])
        if not vertex.get("rendering_breadcrumbs_") and not _WORTH_EVALUATING.search(text):
            return None
        blocks = self._blocks.get((path, start, end))
        if blocks is None:
            blocks = self._blocks[(path, start, end)] = self._parse(text, path)
        found = blocks.get(key)
        return found if found is not None else self._file_blocks(path, lines).get(key)

    def raw_local(self, path: str, name: str) -> Any:
        """The value of ``local.<name>`` as written in the file (expressions as text), or None."""
        lines = self._file_lines(path) if path.endswith(".tf") else None
        return self._file_blocks(path, lines).get(("locals", "", name)) if lines is not None else None

    def _file_lines(self, path: str) -> list[str] | None:
        if path not in self._lines:
            try:
                with open(path, encoding="utf-8") as handle:
                    self._lines[path] = handle.readlines()
            except (OSError, UnicodeDecodeError):
                self._lines[path] = None
        return self._lines[path]

    def _file_blocks(self, path: str, lines: list[str]) -> dict[tuple[str, str, str], Any]:
        if path not in self._files:
            self._files[path] = self._parse("".join(lines), path)
        return self._files[path]

    def _parse(self, text: str, path: str) -> dict[tuple[str, str, str], Any]:
        """``(block kind, type, name) -> raw attributes``, as Checkov's HCL parser writes them, and
        ``("locals", "", name) -> raw value`` of each local."""
        import hcl2  # Checkov's own parser (bc-python-hcl2)

        self.parsed += 1
        try:
            document = hcl2.loads(text if text.endswith("\n") else text + "\n")
        except Exception:  # a file Checkov could not parse either, or a block that is not alone on its lines
            logger.debug("cannot read %s for resource gates", path, exc_info=True)
            return {}
        found: dict[tuple[str, str, str], Any] = {}
        for entry in document.get("locals") or []:
            for name, value in entry.items() if isinstance(entry, Mapping) else []:
                if not str(name).startswith("__"):
                    found[("locals", "", str(name))] = value
        for kind in ("resource", "data"):
            for entry in document.get(kind) or []:
                for type_, named in entry.items() if isinstance(entry, Mapping) else []:
                    for name, body in named.items() if isinstance(named, Mapping) else []:
                        if isinstance(body, Mapping):
                            found[(kind, str(type_), str(name))] = dict(body)
        return found


def _expression(raw: Any) -> str | None:
    """The text of an attribute written as an expression (``${...}``), or None for literals and blocks."""
    if isinstance(raw, list) and len(raw) == 1:
        raw = raw[0]
    if isinstance(raw, str) and raw.startswith("${") and raw.endswith("}"):
        return raw
    return None


def _shown(expression: str) -> str:
    """An expression as the user wrote it (Checkov's parser writes null as None)."""
    text = expression.strip()
    if text.startswith("${") and text.endswith("}"):
        text = text[2:-1]
    text = re.sub(r"'\$\{([^{}]*)\}'", r"\1", text)
    text = re.sub(r"\bNone\b", "null", text)
    return re.sub(r"\bTrue\b", "true", re.sub(r"\bFalse\b", "false", text))


# -- the module's variables --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variable:
    value: Any  # hcl.UNKNOWN when the configuration does not say
    from_caller: bool


def module_call(vertex: Mapping[str, Any]) -> str:
    """Which module call a vertex belongs to. Two root configurations scanned together (sibling example
    folders) may both call ``module "m"``: their variables, locals and resources then share addresses
    (``module.m.x``) and files, and only the calling block (``source_module_object_``: the caller's file, the
    call's name, its ``for_each`` key, the calls it is nested in) tells them apart."""
    caller = vertex.get("source_module_object_")
    return "" if caller is None else str(caller)  # "": the root module


VariableKey = tuple[str, str]  # (the module call, ``module.m.name`` or ``name`` in a root module)


def _module_prefix(address: str) -> str:
    parts = address.split(".")
    prefix: list[str] = []
    while len(parts) >= 3 and parts[0] == "module":
        prefix.extend(parts[:2])
        parts = parts[2:]
    return ".".join(prefix) + "." if prefix else ""


def _variable(vertex: Mapping[str, Any]) -> Variable:
    crumbs = vertex.get("rendering_breadcrumbs_")
    crumbs = crumbs.get("default") if isinstance(crumbs, Mapping) else None
    from_caller = any(isinstance(crumb, Mapping) and crumb.get("type") == "module" for crumb in crumbs or [])
    if "default" not in vertex:  # a required input nobody passed: a standalone scan of a module
        return Variable(hcl.UNKNOWN, from_caller)
    return Variable(_as_value(vertex["default"]), from_caller)


def _as_value(value: Any) -> Any:
    if isinstance(value, str):
        if is_reference(value):
            return hcl.Reference(value)
        if is_unresolved(value) or "${" in value:
            return hcl.UNKNOWN
    return value


def variables_by_address(vertices: Iterable[Mapping[str, Any]]) -> dict[VariableKey, Variable]:
    """(module call, ``module.m.name``; ``name`` in the root module) -> the variable's value, from the graph's
    vertices."""
    return {
        (module_call(vertex), str(vertex.get("__address__"))): _variable(vertex)
        for vertex in vertices
        if vertex.get("block_type_") == "variable"
    }


# -- the module's locals -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Local:
    value: Any  # hcl.UNKNOWN when it cannot be evaluated
    mentions_null: bool  # its expression, or that of a local it reads, compares with or produces null
    variables: Mapping[str, Variable]  # the module's variables it reads, directly or through other locals


_UNKNOWN_LOCAL = Local(hcl.UNKNOWN, False, {})


class Locals:
    """The locals of one scan, evaluated from their expressions as written, with the module's variables: Checkov
    renders a local with the same null problem as a resource (``var.x != null`` is true for a null ``var.x``).
    A local is read and evaluated only when an expression reads it, and once per scan. Locals vertices are
    addressed like variables: ``name`` in the root module, ``module.<call>.name`` in a module call."""

    _MAX_DEPTH = 16  # locals reading locals; a deeper (or cyclic) chain is UNKNOWN

    def __init__(
        self, vertices: Iterable[Mapping[str, Any]], variables: Mapping[VariableKey, Variable], sources: Sources
    ):
        self._files = {
            (module_call(vertex), str(vertex.get("__address__"))): str(vertex.get("file_path_") or "")
            for vertex in vertices
            if vertex.get("block_type_") == "locals"
        }
        self._variables = variables
        self._sources = sources
        self._values: dict[VariableKey, Local] = {}

    def get(self, address: str, reading: tuple[str, ...] = (), caller: str = "") -> Local:
        """``module.m.name`` (``name`` in the root module) of the module call ``caller`` (``module_call``; the root
        module's is ``""``) -> the local's value; ``reading``: the locals whose evaluation asked for this
        one (a cycle, which Terraform rejects, is UNKNOWN)."""
        key = (caller, address)
        found = self._values.get(key)
        if found is not None:
            return found
        if address in reading or len(reading) >= self._MAX_DEPTH or key not in self._files:
            return _UNKNOWN_LOCAL
        raw = self._sources.raw_local(self._files[key], address.split(".")[-1])
        if raw is None:
            found = _UNKNOWN_LOCAL
        else:
            prefix = _module_prefix(address)
            used: dict[str, Variable] = {}
            nested: list[Local] = []

            def lookup(name: str) -> Any:
                if name.startswith("local."):
                    local = self.get(prefix + name.removeprefix("local."), (*reading, address), caller)
                    nested.append(local)
                    used.update(local.variables)
                    return local.value
                variable = self._variables.get((caller, prefix + name))
                if variable is None:
                    return hcl.UNKNOWN
                used[name] = variable
                return variable.value

            value = _raw_value(_unwrapped(raw), lookup)
            null = hcl.mentions_null(str(raw)) or any(local.mentions_null for local in nested)
            found = Local(value, null, used)
        self._values[key] = found
        return found


def _raw_value(raw: Any, lookup: Any) -> Any:
    """A value as Checkov's HCL parser writes it (an expression is a ``${...}`` string), evaluated."""
    if isinstance(raw, str):
        if _expression(raw) is not None:
            return hcl.evaluate(raw, lookup)
        return hcl.UNKNOWN if "${" in raw else raw
    if isinstance(raw, Mapping):
        return {key: _raw_value(item, lookup) for key, item in raw.items() if not str(key).startswith("__")}
    if isinstance(raw, list):
        return [_raw_value(item, lookup) for item in raw]
    return raw


# -- one resource -----------------------------------------------------------------------------------------


def instance(
    vertex: Mapping[str, Any],
    variables: Mapping[VariableKey, Variable],
    sources: Sources | None = None,
    locals_: Locals | None = None,
) -> Instance:
    """What the configuration says about the resource behind one graph vertex (``sources``: the scan's files,
    shared so that each is read once; ``locals_``: the scan's locals, without which a local is UNKNOWN; a
    scan's ``ScanContext.instance`` also remembers the answer)."""
    try:
        sources = sources or Sources()
        return _instance(vertex, variables, sources, locals_ or Locals((), variables, sources))
    except Exception:  # the configuration is as Checkov gave it; never lose a verdict to this module
        logger.debug("cannot evaluate the gate of %s", vertex.get("__address__"), exc_info=True)
        return CREATED


def _instance(
    vertex: Mapping[str, Any], variables: Mapping[VariableKey, Variable], sources: Sources, locals_: Locals
) -> Instance:
    address = str(vertex.get("__address__") or "")
    kind = vertex.get("block_type_")
    resource_type = str(vertex.get("resource_type") or "").removeprefix("data.")
    raw = sources.raw_block(vertex, str(kind), resource_type, _name(vertex))
    if raw is None:
        return _rendered_gate(vertex, None, "")
    prefix = _module_prefix(address)
    caller = module_call(vertex)
    used: dict[str, Variable] = {}

    def lookup(variable: str) -> Any:
        if variable.startswith("local."):
            local = locals_.get(prefix + variable.removeprefix("local."), caller=caller)
            used.update(local.variables)
            return local.value
        found = variables.get((caller, prefix + variable))
        if found is None:
            return hcl.UNKNOWN
        used[variable] = found
        return found.value

    def mentions_null(expression: str) -> bool:
        """Whether the expression, or a local it reads, compares with or produces null."""
        return hcl.mentions_null(expression) or any(
            locals_.get(prefix + name, caller=caller).mentions_null for name in hcl.local_names(expression)
        )

    gated = _gate(vertex, raw, lookup, mentions_null)
    if gated.gate is not Gate.CREATED:
        return gated
    values: dict[tuple[Any, ...], Any] = {}
    notes: dict[str, str] = {}
    _evaluate_body(raw, _rendered_body(vertex.get("config_")), (), lookup, used, values, notes)
    empty = _empty_dynamic_blocks(raw, lookup, notes)
    return Instance(Gate.CREATED, "", values, notes, empty)


def _evaluate_body(
    raw: Mapping[str, Any],
    rendered: Any,
    path: tuple[Any, ...],
    lookup: Any,
    used: dict[str, Variable],
    values: dict[tuple[Any, ...], Any],
    notes: dict[str, str],
) -> None:
    """Evaluate the expressions of one block and of its nested blocks; ``values`` is keyed by path."""
    rendered = rendered if isinstance(rendered, Mapping) else {}
    for attribute, raw_value in raw.items():
        if attribute in _SKIPPED_ATTRIBUTES or attribute.startswith("__"):
            continue
        if isinstance(raw_value, list) and raw_value and all(isinstance(item, Mapping) for item in raw_value):
            blocks = rendered.get(attribute)
            blocks = blocks if isinstance(blocks, list) else []
            for number, block in enumerate(raw_value):
                inner = blocks[number] if number < len(blocks) else None
                _evaluate_body(block, inner, (*path, attribute, number), lookup, used, values, notes)
            continue
        expression = _expression(raw_value)
        if expression is None:
            continue
        used.clear()
        value = hcl.evaluate(expression, lookup)
        checkov_value = _unwrapped(rendered.get(attribute))
        if value is hcl.UNKNOWN:
            if checkov_value == "None" and "?" in expression:
                values[(*path, attribute)] = None  # a conditional Checkov settled on null
            continue
        if _holds_unknown(value):
            continue
        scalar = value is None or isinstance(value, (hcl.Reference, str, bool, int, float))
        if scalar or _needs_value(checkov_value):
            values[(*path, attribute)] = value.text if isinstance(value, hcl.Reference) else value
            if value is None:
                notes[attribute] = _null_note(attribute, expression, used)


def _rendered_body(config: Any) -> Any:
    """The one resource body in a vertex's ``config_`` (``{type: {name: body}}``)."""
    if not isinstance(config, Mapping):
        return None
    for named in config.values():
        for body in named.values() if isinstance(named, Mapping) else []:
            return body
    return None


def _unwrapped(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _holds_unknown(value: Any) -> bool:
    if value is hcl.UNKNOWN:
        return True
    if isinstance(value, Mapping):
        return any(_holds_unknown(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_unknown(item) for item in value)
    return False


def _needs_value(checkov_value: Any) -> bool:
    """Checkov left text where the configuration has a value: an unresolved name or a function call."""
    return isinstance(checkov_value, str) and (checkov_value == "None" or is_unresolved(checkov_value))


def _null_note(attribute: str, expression: str, used: Mapping[str, Variable]) -> str:
    whose = "inputs" if any(variable.from_caller for variable in used.values()) else "defaults"
    values = [
        f"var.{name} {'is' if variable.from_caller else 'defaults to'} {hcl.describe(variable.value)}"
        for name, variable in used.items()
    ]
    shown = _shown(expression)
    if re.fullmatch(r"var\.[A-Za-z_][A-Za-z0-9_-]*", shown.strip()) and len(used) == 1:
        return f"{attribute} is unset with the module's {whose}: {values[0]}"
    detail = f"; {', '.join(values)}" if values else ""
    return f"{attribute} is unset with the module's {whose}: {shown} is null{detail}"


def _gate(vertex: Mapping[str, Any], raw: Mapping[str, Any], lookup: Any, mentions_null: Any) -> Instance:
    for meta in ("count", "for_each"):
        expression = _expression(raw.get(meta))
        if expression is None:
            continue
        value = hcl.evaluate(expression, lookup)
        written = f"{meta} = {_shown(expression)}"
        if value is hcl.UNKNOWN:
            if mentions_null(expression):  # Checkov's rendering of null comparisons is not to be trusted
                return Instance(Gate.UNDECIDED, f"whether it is created depends on {written}, which is not known here")
            return _rendered_gate(vertex, meta, written)
        if (meta == "count" and value == 0) or (meta == "for_each" and hcl.is_empty_collection(value)):
            return Instance(Gate.NOT_CREATED, f"not created: {written} is {hcl.describe(value)}")
        return CREATED
    return _rendered_gate(vertex, None, "")


def _rendered_gate(vertex: Mapping[str, Any], meta: str | None, written: str) -> Instance:
    """Checkov's own rendering of ``count``/``for_each``, for gates this module does not evaluate."""
    for key in (meta,) if meta else ("count", "for_each"):
        if key not in vertex:
            continue
        value = vertex[key]
        if value == 0 or hcl.is_empty_collection(value):
            return Instance(Gate.NOT_CREATED, f"not created: {written or key} renders as {value!r}")
        if isinstance(value, str):
            return Instance(
                Gate.UNDECIDED, f"whether it is created depends on {written or key}, which is not known here"
            )
    return CREATED


def _empty_dynamic_blocks(raw: Mapping[str, Any], lookup: Any, notes: dict[str, str]) -> frozenset[str]:
    """Dynamic blocks whose ``for_each`` is empty under the module's inputs: they produce no block at all."""
    empty: set[str] = set()
    for entry in raw.get("dynamic") or []:
        for name, body in entry.items() if isinstance(entry, Mapping) else []:
            expression = _expression(body.get("for_each")) if isinstance(body, Mapping) else None
            if expression is None:
                continue
            if hcl.is_empty_collection(value := hcl.evaluate(expression, lookup)) or value is None:
                empty.add(str(name))
                notes[str(name)] = f"no {name} block with the module's inputs: for_each = {_shown(expression)} is empty"
    return frozenset(empty)


class ScanContext:
    """What the gates need from one scan's graph, built once per graph: resource vertices by address, the
    variables' values, the scan's source files, its locals (evaluated when read), and each vertex's ``Instance``
    once computed. Resource checks (one per rule and resource) and connection rules (every vertex) of a scan
    share it."""

    def __init__(self, graph: Any) -> None:
        vertices = [vertex for _, vertex in _nodes(graph)] if graph is not None else []
        self.by_address = {
            str(vertex.get("__address__")): vertex for vertex in vertices if vertex.get("block_type_") == "resource"
        }
        self.vertices = vertices
        # The dict Checkov hands a resource check is the vertex's own configuration: it names the vertex even
        # where addresses do not (sibling roots calling the same module name share module.m.x addresses).
        self._by_configuration = {
            id(configuration): (configuration, vertex)
            for vertex in vertices
            if vertex.get("block_type_") == "resource"
            for configuration in _configurations(vertex)
        }
        self.variables = variables_by_address(vertices)
        self.sources = Sources()
        self.locals = Locals(vertices, self.variables, self.sources)
        self._instances: dict[int, tuple[Mapping[str, Any], Instance]] = {}

    def instance(self, vertex: Mapping[str, Any]) -> Instance:
        found = self._instances.get(id(vertex))
        if found is None or found[0] is not vertex:
            found = self._instances[id(vertex)] = (vertex, instance(vertex, self.variables, self.sources, self.locals))
        return found[1]

    def instance_of(self, configuration: Mapping[str, Any], address: str) -> Instance | None:
        """The ``Instance`` of the resource whose configuration dict Checkov handed a check; by ``address`` when
        the dict is not a vertex's own."""
        found = self._by_configuration.get(id(configuration))
        if found is not None and found[0] is configuration:
            return self.instance(found[1])
        return self.instance_at(address)

    def instance_at(self, address: str) -> Instance | None:
        """The ``Instance`` of the resource at ``address``; None when the graph has no such resource."""
        vertex = self.by_address.get(address)
        return self.instance(vertex) if vertex is not None else None


_context_lock = threading.Lock()
_context: ScanContext | None = None
_context_graph: Any = None


def scan_context(graph: Any) -> ScanContext:
    """The ``ScanContext`` of Checkov's graph (``check.graph`` for resource checks, the graph connector for graph
    checks: the same object in one scan). Only the latest graph's context is kept."""
    global _context, _context_graph
    with _context_lock:
        if _context is None or _context_graph is not graph:
            try:
                _context = ScanContext(graph)
            except Exception:
                logger.debug("cannot index Checkov's graph", exc_info=True)
                _context = ScanContext(None)
            _context_graph = graph
        return _context


def _nodes(graph: Any) -> Iterable[tuple[Any, Mapping[str, Any]]]:
    nodes = graph.nodes(data=True) if isinstance(graph, DiGraph) else graph.nodes()  # rustworkx: (index, data)
    return [
        (node[0], node[1])
        for node in nodes
        if isinstance(node, tuple) and len(node) == 2 and isinstance(node[1], Mapping)
    ]


def _configurations(vertex: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The resource's own configuration dicts inside a vertex's ``config_`` (``{type: {name: {...}}}``)."""
    config = vertex.get("config_")
    return [
        inner
        for named in (config.values() if isinstance(config, Mapping) else [])
        if isinstance(named, Mapping)
        for inner in named.values()
        if isinstance(inner, Mapping)
    ]


def skipped_by_checkov(graph: Any, judged_types: Iterable[str]) -> list[tuple[str, str, str | None, str]]:
    """(file, address, the calling file or None, gate) of each resource of ``judged_types`` that Checkov renders
    with ``count = 0`` although the module's inputs create it (``count = var.x == null ? 1 : 0`` with a null
    ``var.x``): Checkov hands such a resource to no resource check, so no rule judges it, and the CLI says so
    instead of passing it silently."""
    types = set(judged_types)
    context = scan_context(graph)
    found = []
    for vertex in context.vertices:
        if vertex.get("block_type_") != "resource" or vertex.get("count") != 0:
            continue
        if str(vertex.get("resource_type")) not in types or context.instance(vertex).gate is not Gate.CREATED:
            continue
        raw = context.sources.raw_block(vertex, "resource", str(vertex.get("resource_type")), _name(vertex))
        gate = _shown(_expression(raw.get("count")) or "") if raw else ""
        caller = getattr(vertex.get("source_module_object_"), "path", None)
        file = str(vertex.get("file_path_") or "")
        found.append((file, str(vertex.get("__address__")), caller if isinstance(caller, str) else None, gate))
    return list(dict.fromkeys(found))


def unloaded_module_calls(graph: Any) -> list[tuple[str, str, str]]:
    """(file, name, source) of each module call Checkov loaded nothing for: a registry, Git or HTTP source
    (Checkov runs without downloading modules) or a local path that does not exist. Nothing such a module
    creates is judged, and the CLI says so instead of passing it silently. A call with ``count = 0`` or an empty
    ``for_each`` creates nothing and is left out."""
    vertices = scan_context(graph).vertices
    loaded = set()
    for vertex in vertices:
        call = vertex.get("source_module_object_")
        if call is not None:
            nested = getattr(call, "nested_tf_module", None)
            loaded.add(
                (str(getattr(call, "path", "")), str(getattr(call, "name", "")), "" if nested is None else str(nested))
            )
    found = []
    for vertex in vertices:
        if vertex.get("block_type_") != "module":
            continue
        file, name = str(vertex.get("file_path_") or ""), str(vertex.get("block_name_") or "")
        config = vertex.get("config_")
        settings = config.get(name) if isinstance(config, Mapping) else None
        if (file, name, module_call(vertex)) in loaded or not isinstance(settings, Mapping):
            continue
        count, for_each = _unwrapped(settings.get("count")), _unwrapped(settings.get("for_each"))
        if count == 0 or for_each in ({}, []):
            continue
        found.append((file, name, str(_unwrapped(settings.get("source")))))
    return list(dict.fromkeys(found))


def _name(vertex: Mapping[str, Any]) -> str:
    return _INDEX.sub("", str(vertex.get("__address__") or "")).split(".")[-1]
