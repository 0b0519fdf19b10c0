"""No import loop among pydock's modules, lazy (function-level) imports included: each module only
imports what lies below it, so that the layering (pyproject.toml's import-linter contract) also holds
inside each layer."""
from __future__ import annotations

import grimp


def import_cycles(graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative), each sorted;
    `graph` is grimp's ImportGraph, whose direct imports include those inside functions."""
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _chains(graph, cycle: list[str]) -> list[tuple]:
    """The loop, shown as the import chains from the first module to another and back."""
    first, second = cycle[0], cycle[1]
    return [graph.find_shortest_chain(importer=first, imported=second),
            graph.find_shortest_chain(importer=second, imported=first)]


def test_no_module_imports_itself_back():
    graph = grimp.build_graph("pydock", include_external_packages=False)
    cycles = import_cycles(graph)
    assert not cycles, [_chains(graph, cycle) for cycle in cycles]


def test_the_finder_sees_a_loop_through_a_function_level_import():
    graph = grimp.ImportGraph()
    for module in ("p.a", "p.b", "p.c", "p.d"):
        graph.add_module(module)
    graph.add_import(importer="p.a", imported="p.b", line_number=1, line_contents="from . import b")
    graph.add_import(importer="p.b", imported="p.c", line_number=9, line_contents="    from . import c")
    graph.add_import(importer="p.c", imported="p.a", line_number=9, line_contents="    from . import a")
    graph.add_import(importer="p.c", imported="p.d", line_number=2, line_contents="from . import d")
    assert import_cycles(graph) == [["p.a", "p.b", "p.c"]]
