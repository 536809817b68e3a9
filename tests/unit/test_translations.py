"""Every translatable string in the source is in the zh_CN catalogue, under the context used at run time.

The source is read with Python's own parser, independently of pylupdate5, so a call pylupdate5 silently
skips (it misreads some formatting) shows up here as a missing entry.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "fifteen_min_plugin"
TS = ROOT / "resources" / "i18n" / "fifteen_min_plugin_zh_CN.ts"


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Collector(ast.NodeVisitor):
    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: set[tuple[str, str]] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "tr" and node.args and _literal(node.args[0]) is not None:
            # pylupdate5 files `Owner.tr(...)` under "Owner", `self.tr`/`tr` under the enclosing class, and a
            # call outside any class under @default, which no tr() at run time reads
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else "self"
            if owner != "self":
                self.found.add((owner, _literal(node.args[0])))
            else:
                self.found.add((self.classes[-1] if self.classes else "<outside any class>", _literal(node.args[0])))
        elif name == "translate" and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and text is not None:
                self.found.add((context, text))
        self.generic_visit(node)


def _source_messages() -> set[tuple[str, str]]:
    collector = _Collector()
    for path in sorted(PACKAGE.rglob("*.py")):
        collector.visit(ast.parse(path.read_text(encoding="utf-8")))
    found = set(collector.found)
    for form in sorted(PACKAGE.rglob("*.ui")) + sorted((ROOT / "resources" / "ui").glob("*.ui")):
        tree = ET.parse(form)
        context = tree.getroot().findtext("class")
        for element in tree.iter("string"):
            if element.text and element.get("notr") != "true":
                found.add((context, element.text))
    return found


def _catalogue() -> dict[tuple[str, str], ET.Element]:
    entries = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            entries[(name, message.findtext("source"))] = message.find("translation")
    return entries


def test_tr_methods_translate_in_their_own_class_context():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "tr":
                    contexts = [
                        _literal(call.args[0])
                        for call in ast.walk(item)
                        if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate"
                    ]
                    # a base class (core.language.Messages) translates in the context named after the subclass,
                    # the context pylupdate5 files `Subclass.tr("…")` under
                    uses_class_name = any(name in ast.unparse(item) for name in ("type(self).__name__", "cls.__name__"))
                    assert uses_class_name or contexts == [node.name], f"{path.name}: {node.name}.tr"


def test_translation_helpers_are_called_tr():
    # pylupdate5 only extracts calls of tr() and translate(): a wrapper of another name hides its strings
    wrappers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name != "tr":
                calls = [
                    c for c in ast.walk(node) if isinstance(c, ast.Call) and getattr(c.func, "attr", "") == "translate"
                ]
                if any(len(c.args) >= 2 and _literal(c.args[1]) is None for c in calls):
                    wrappers.append(f"{path.name}:{node.name}")
    assert wrappers == []


def test_every_source_string_is_in_the_catalogue():
    catalogue = _catalogue()
    missing = sorted(_source_messages() - set(catalogue))
    assert missing == [], "run `make transupdate`; pylupdate5 did not pick these up: " + repr(missing[:10])


def test_every_catalogue_context_is_a_real_translation_context():
    classes = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        classes |= {
            n.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.ClassDef)
        }
    contexts = {context for context, _ in _source_messages()}
    strays = {context for context, _ in _catalogue()} - classes - contexts
    assert strays == set()
    assert not {"cls", "self"} & {context for context, _ in _catalogue()}


@pytest.mark.parametrize("locale", ["zh_CN"])
def test_catalogue_is_completely_translated(locale):
    unfinished = [
        source
        for (context, source), translation in _catalogue().items()
        if translation is None or translation.get("type") in {"unfinished", "obsolete"} or not translation.text
    ]
    assert unfinished == [], f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}"
