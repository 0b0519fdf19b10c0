"""Executor of parsed Go templates (a port of text/template/exec.go, Go 1.24).

Value model (see gofmt for the Go type each Python type stands for):

* ``MISSING`` is Go's invalid reflect.Value: a missing map key; it prints ``<no value>``.
* ``None`` is a nil interface (a JSON null in a map or a list). A pipeline turns it into
  MISSING, as Go does when it unwraps an ``interface{}``.
* ``TypedNil`` is a nil pointer, what a context method returning None stands for; it prints
  ``<nil>``.

Field lookup (``.Name``): on a dict, a key (dict subclasses may list real methods in
``go_methods``); on any other object, an attribute or method named exactly ``Name`` whose
first letter is upper case, as Go only sees exported names. Methods are called with the
template's arguments, typed by their annotations (str, int, bool, float).
"""

from __future__ import annotations

from ..fmt import TypedNil, format_value, go_quote, go_type_name
from .funcs import (
    ANY,
    MISSING,
    STRING_SLICE,
    VALUE,
    FuncError,
    FuncSpec,
    InterfaceValue,
    spec_for_callable,
    truth,
    value_type_name,
)
from .nodes import Node

__all__ = ["TemplateExecError", "execute"]

MAX_EXEC_DEPTH = 100000


class TemplateExecError(ValueError):
    """A failed execution; str() is Go's message. ``partial_output`` is what was written."""

    def __init__(self, message: str, partial_output: str = ""):
        super().__init__(message)
        self.partial_output = partial_output


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class _NoFinal:
    __slots__ = ()


NO_FINAL = _NoFinal()

_BASIC = (str, bool, int, float, complex, list, tuple)


class _State:
    def __init__(self, name, text, trees, funcs, missingkey, out):
        self.name, self.text, self.trees, self.funcs = name, text, trees, funcs
        self.exec_name = name  # the {{define}}d template being run, for messages
        self.missingkey = missingkey
        self.out = out
        self.node: Node | None = None
        self.vars: list[list] = []
        self.depth = 0
        self.dot_iface = False  # dot is an element of a list/map, i.e. Go's interface{}
        self.last_iface = False  # the last field/variable evaluated was such an element

    # --- errors -----------------------------------------------------------------------
    def errorf(self, message: str):
        node = self.node
        if node is None:
            raise TemplateExecError("template: %s: %s" % (self.name, message), "".join(self.out))
        location = self._location(node.pos)
        raise TemplateExecError("template: %s: executing %s at <%s>: %s" % (
            location, go_quote(self.exec_name), node, message), "".join(self.out))

    def _location(self, pos: int) -> str:
        before = self.text[:pos].encode("utf-8", "surrogateescape")
        newline = before.rfind(b"\n")
        column = len(before) if newline < 0 else len(before) - newline - 1
        return "%s:%d:%d" % (self.name, 1 + before.count(b"\n"), column)

    # --- variables --------------------------------------------------------------------
    def push(self, name, value, iface=False):
        self.vars.append([name, value, iface])

    def mark(self) -> int:
        return len(self.vars)

    def pop(self, mark: int):
        del self.vars[mark:]

    def set_var(self, name, value, iface=False):
        for i in range(len(self.vars) - 1, -1, -1):
            if self.vars[i][0] == name:
                self.vars[i][1:] = [value, iface]
                return
        self.errorf("undefined variable: " + name)

    def set_top_var(self, n: int, value, iface=False):
        self.vars[len(self.vars) - n][1:] = [value, iface]

    def var_entry(self, name):
        for i in range(len(self.vars) - 1, -1, -1):
            if self.vars[i][0] == name:
                return self.vars[i]
        self.errorf("undefined variable: " + name)

    # --- walking ----------------------------------------------------------------------
    def walk(self, dot, node):
        self.node = node
        kind = node.kind
        if kind == "text":
            self.out.append(node.text)
        elif kind == "action":
            value = self.eval_pipeline(dot, node.pipe)
            if not node.pipe.decl:
                self.print_value(node, value)
        elif kind == "list":
            for child in node.nodes:
                self.walk(dot, child)
        elif kind == "if" or kind == "with":
            self.walk_if_or_with(kind, dot, node)
        elif kind == "range":
            self.walk_range(dot, node)
        elif kind == "template":
            self.walk_template(dot, node)
        elif kind == "break":
            raise _Break()
        elif kind == "continue":
            raise _Continue()
        elif kind != "comment":
            self.errorf("unknown node: %s" % node)

    def walk_if_or_with(self, kind, dot, node):
        mark = self.mark()
        try:
            value = self.eval_pipeline(dot, node.pipe)
            if truth(value):
                if kind == "with":
                    self._walk_dot(value, node.list, False)
                else:
                    self.walk(dot, node.list)
            elif node.else_list is not None:
                self.walk(dot, node.else_list)
        finally:
            self.pop(mark)

    def _walk_dot(self, dot, node, iface):
        saved, self.dot_iface = self.dot_iface, iface
        try:
            self.walk(dot, node)
        finally:
            self.dot_iface = saved

    def walk_range(self, dot, node):
        self.node = node
        outer = self.mark()
        try:
            self._range(dot, node)
        except _Break:
            pass
        finally:
            self.pop(outer)

    def _range(self, dot, node):
        value = self.eval_pipeline(dot, node.pipe)
        mark = self.mark()
        items = self._range_items(value, node)
        ran = False
        iface = _holds_interfaces(value)
        for index, elem in items:
            ran = True
            self._one_iteration(node, mark, index, elem, iface)
        if not ran and node.else_list is not None:
            self.walk(dot, node.else_list)

    def _range_items(self, value, node):
        if isinstance(value, (list, tuple)):
            return enumerate(value)
        if isinstance(value, dict):
            from ..fmt import _sorted_keys

            return ((k, value[k]) for k in _sorted_keys(value))
        if isinstance(value, int) and not isinstance(value, bool):
            if len(node.pipe.decl) > 1:
                self.errorf("can't use %s to iterate over more than one variable" % format_value(value))
            return ((MISSING, i) for i in range(value))
        if value is MISSING:
            return ()
        self.errorf("range can't iterate over " + format_value(value))

    def _one_iteration(self, node, mark, index, elem, iface=True):
        decl = node.pipe.decl
        iface = iface and index is not MISSING  # elements of []interface {} and maps of interface {}
        if decl:
            if node.pipe.is_assign:
                if len(decl) > 1:
                    self.set_var(decl[0].ident[0], index)
                else:
                    self.set_var(decl[0].ident[0], elem, iface)
            else:
                self.set_top_var(1, elem, iface)
        if len(decl) > 1:
            if node.pipe.is_assign:
                self.set_var(decl[1].ident[0], elem, iface)
            else:
                self.set_top_var(2, index)
        try:
            self._walk_dot(elem, node.list, iface)
        except _Continue:
            pass
        finally:
            self.pop(mark)

    def walk_template(self, dot, node):
        self.node = node
        root = self.trees.get(node.name)
        if root is None:
            self.errorf("template %s not defined" % go_quote(node.name))
        if self.depth >= MAX_EXEC_DEPTH:
            self.errorf("exceeded maximum template depth (%d)" % MAX_EXEC_DEPTH)
        dot = self.eval_pipeline(dot, node.pipe)
        saved = self.vars, self.depth, self.exec_name
        self.vars, self.depth, self.exec_name = [["$", dot, False]], self.depth + 1, node.name
        try:
            self._walk_dot(dot, root, False)
        finally:
            self.vars, self.depth, self.exec_name = saved

    # --- evaluation -------------------------------------------------------------------
    def eval_pipeline(self, dot, pipe):
        if pipe is None:
            return MISSING
        self.node = pipe
        value = NO_FINAL
        for cmd in pipe.cmds:
            value = self.eval_command(dot, cmd, value)
            if value is None:  # an interface{} holding nil unwraps to nothing
                value = MISSING
        for var in pipe.decl:
            if pipe.is_assign:
                self.set_var(var.ident[0], value)
            else:
                self.push(var.ident[0], value)
        return value

    def not_a_function(self, args, final):
        if (args is not None and len(args) > 1) or final is not NO_FINAL:
            self.errorf("can't give argument to non-function %s" % args[0])

    def eval_command(self, dot, cmd, final):
        first = cmd.args[0]
        kind = first.kind
        if kind == "field":
            return self.eval_field_node(dot, first, cmd.args, final)
        if kind == "chain":
            return self.eval_chain_node(dot, first, cmd.args, final)
        if kind == "identifier":
            return self.eval_function(dot, first, cmd, cmd.args, final)
        if kind == "pipe":
            self.not_a_function(cmd.args, final)
            return self.eval_pipeline(dot, first)
        if kind == "variable":
            return self.eval_variable_node(dot, first, cmd.args, final)
        self.node = first
        self.not_a_function(cmd.args, final)
        if kind == "bool":
            return first.value
        if kind == "dot":
            return dot
        if kind == "nil":
            self.errorf("nil is not a command")
        if kind == "number":
            return self.ideal_constant(first)
        if kind == "string":
            return first.text
        self.errorf("can't evaluate command %s" % go_quote(str(first)))

    def ideal_constant(self, n):
        self.node = n
        text = n.text
        if n.is_complex:
            return n.complex128
        is_hex_int = len(text) > 2 and text[0] == "0" and text[1] in "xX" and not any(c in text for c in "pP")
        if n.is_float and not is_hex_int and text[0] != "'" and any(c in text for c in ".eEpP"):
            return n.float64
        if n.is_int:
            return n.int64
        if n.is_uint:
            self.errorf("%s overflows int" % text)
        return MISSING

    def eval_field_node(self, dot, field, args, final):
        self.node = field
        return self.eval_field_chain(dot, dot, field, field.ident, args, final, self.dot_iface)

    def eval_chain_node(self, dot, chain, args, final):
        self.node = chain
        if chain.node.kind == "nil":
            self.errorf("indirection through explicit nil in %s" % chain)
        pipe = self.eval_arg(dot, None, chain.node)
        return self.eval_field_chain(dot, pipe, chain, chain.field, args, final)

    def eval_variable_node(self, dot, variable, args, final):
        self.node = variable
        _, value, iface = self.var_entry(variable.ident[0])
        if len(variable.ident) == 1:
            self.not_a_function(args, final)
            self.last_iface = iface
            return value
        return self.eval_field_chain(dot, value, variable, variable.ident[1:], args, final, iface)

    def eval_field_chain(self, dot, receiver, node, ident, args, final, iface=False):
        for name in ident[:-1]:
            value = self.eval_field(dot, name, node, None, NO_FINAL, receiver, iface)
            iface = _interface_element(receiver, name)
            receiver = value
        value = self.eval_field(dot, ident[-1], node, args, final, receiver, iface)
        self.last_iface = _interface_element(receiver, ident[-1])
        return value

    def eval_function(self, dot, node, cmd, args, final):
        self.node = node
        name = node.ident
        spec = self.funcs.get(name)
        if spec is None:
            self.errorf("%s is not a defined function" % go_quote(name))
        return self.eval_call(dot, spec, name in _BUILTIN_NAMES, cmd, name, args, final)

    def eval_field(self, dot, name, node, args, final, receiver, iface=False):
        if receiver is MISSING:
            if self.missingkey == "error":
                self.errorf("nil data; no entry for key %s" % go_quote(name))
            return MISSING
        if receiver is None:
            self.errorf("nil pointer evaluating interface {}.%s" % name)
        if isinstance(receiver, TypedNil):
            self.errorf("nil pointer evaluating %s.%s" % (receiver.type_name, name))
        has_args = (args is not None and len(args) > 1) or final is not NO_FINAL
        if name in getattr(type(receiver), "go_methods", ()) and not isinstance(receiver, dict):
            # a Go method of a named string or number type (nat.Port's Proto, Port, Int)
            return self.eval_call(dot, spec_for_callable(getattr(receiver, name)), False, node, name, args, final,
                                  method_of=receiver)
        if isinstance(receiver, dict) and getattr(receiver, "key_type_name", "string") != "string":
            # a field name is a string: a map keyed by another type (nat.PortMap) has no such field
            self.errorf("can't evaluate field %s in type %s" % (name, go_type_name(receiver)))
        if isinstance(receiver, dict):
            method = _dict_method(receiver, name)
            if method is not None:
                return self.eval_call(dot, spec_for_callable(method), False, node, name, args, final)
            if has_args:
                self.errorf("%s is not a method but has arguments" % name)
            if name in receiver:
                return receiver[name]
            if self.missingkey == "error":
                self.errorf("map has no entry for key %s" % go_quote(name))
            return MISSING
        if not isinstance(receiver, _BASIC) and name[:1].isupper():
            attr = getattr(receiver, name, _ABSENT)
            if callable(attr):
                return self.eval_call(dot, spec_for_callable(attr), False, node, name, args, final,
                                      method_of=receiver)
            if attr is not _ABSENT:
                if has_args:
                    self.errorf("%s has arguments but cannot be invoked as function" % name)
                return _typed(attr)
        self.errorf("can't evaluate field %s in type %s" % (name, ANY if iface else go_type_name(receiver)))

    def eval_call(self, dot, spec: FuncSpec, is_builtin, node, name, args, final, method_of=None):
        args = args[1:] if args is not None else []
        params, variadic = spec.params, spec.variadic
        num_in = len(args) + (final is not NO_FINAL)
        if variadic is not None:
            num_fixed = len(params)
            if num_in < num_fixed:
                self.errorf("wrong number of args for %s: want at least %d got %d" % (name, num_fixed, len(args)))
        elif num_in != len(params):
            self.errorf("wrong number of args for %s: want %d got %d" % (name, len(params), num_in))
        else:
            num_fixed = len(args)
        if is_builtin and name in ("and", "or"):
            return self._and_or(dot, name, args, final)
        argv = [self.eval_arg(dot, params[i], args[i]) for i in range(min(num_fixed, len(args)))]
        if is_builtin and name == "slice":
            argv.extend(self._slice_index(dot, arg) for arg in args[len(argv):])
        argv.extend(self.eval_arg(dot, variadic, arg) for arg in args[len(argv):])
        if final is not NO_FINAL:
            typ = params[num_in - 1] if (variadic is None or num_in - 1 < num_fixed) else variadic
            argv.append(self.validate_type(final, typ))
        if is_builtin and name == "call":
            argv.insert(0, str(args[0]) if args else format_value(final))
        try:
            result = spec.fn(*argv)
        except FuncError as err:
            self.node = node
            self.errorf("error calling %s: %s" % (name, err))
        except (RecursionError, TemplateExecError):
            raise
        except Exception as err:  # a panicking Go function becomes an error too
            self.node = node
            self.errorf("error calling %s: %s" % (name, err))
        return _typed(result) if method_of is not None else result

    def _slice_index(self, dot, arg):
        # slice, unlike index, does not look inside an interface{} index: Go names its type.
        self.last_iface = arg.kind == "dot" and self.dot_iface
        value = self.eval_arg(dot, VALUE, arg)
        if self.last_iface and value is not None and arg.kind in ("field", "variable", "dot"):
            return InterfaceValue(value)
        return value

    def _and_or(self, dot, name, args, final):
        want = name == "or"
        value = MISSING
        for arg in args:
            value = self.eval_arg(dot, VALUE, arg)
            if truth(value) == want:
                return value
        if final is not NO_FINAL:
            value = final
        return value

    def validate_type(self, value, typ):
        if value is MISSING:
            if typ is None or typ == VALUE:
                return MISSING
            if typ == ANY:
                return None
            if typ == STRING_SLICE:
                return []
            self.errorf("invalid value; expected %s" % typ)
        if typ is None or typ == VALUE or typ == ANY:
            return value
        if not _assignable(value, typ):
            self.errorf("wrong type for value; expected %s; got %s" % (typ, value_type_name(value)))
        return value

    def eval_arg(self, dot, typ, n):
        self.node = n
        kind = n.kind
        if kind == "dot":
            return self.validate_type(dot, typ)
        if kind == "nil":
            if typ == ANY or typ is None:
                return None
            if typ == VALUE:
                return MISSING
            if typ == STRING_SLICE:
                return []
            self.errorf("cannot assign nil to %s" % typ)
        if kind == "field":
            return self.validate_type(self.eval_field_node(dot, n, [n], NO_FINAL), typ)
        if kind == "variable":
            return self.validate_type(self.eval_variable_node(dot, n, None, NO_FINAL), typ)
        if kind == "pipe":
            return self.validate_type(self.eval_pipeline(dot, n), typ)
        if kind == "identifier":
            return self.validate_type(self.eval_function(dot, n, n, None, NO_FINAL), typ)
        if kind == "chain":
            return self.validate_type(self.eval_chain_node(dot, n, None, NO_FINAL), typ)
        return self._eval_literal(dot, typ, n)

    def _eval_literal(self, dot, typ, n):
        kind = n.kind
        if typ == "bool":
            if kind == "bool":
                return n.value
            self.errorf("expected bool; found %s" % n)
        if typ == "string":
            if kind == "string":
                return n.text
            self.errorf("expected string; found %s" % n)
        if typ == "int":
            if kind == "number" and n.is_int:
                return n.int64
            self.errorf("expected integer; found %s" % n)
        if typ == "float64":
            if kind == "number" and n.is_float:
                return n.float64
            self.errorf("expected float; found %s" % n)
        if typ in (ANY, VALUE, None):
            return self.eval_empty_interface(dot, n)
        self.errorf("can't handle %s for arg of type %s" % (n, typ))

    def eval_empty_interface(self, dot, n):
        self.node = n
        kind = n.kind
        if kind == "bool":
            return n.value
        if kind == "number":
            return self.ideal_constant(n)
        if kind == "string":
            return n.text
        self.errorf("can't handle assignment of %s to empty interface argument" % n)

    def print_value(self, node, value):
        self.node = node
        if value is MISSING:
            self.out.append("<no value>")
        elif type(value) is str:
            self.out.append(value)
        else:
            self.out.append(format_value(value, indirect=True))


_ABSENT = object()
_BUILTIN_NAMES = frozenset({"and", "or", "call", "slice"})


def _typed(value):
    """A None coming out of a Go method or struct field is a typed nil pointer."""
    return TypedNil() if value is None else value


def _dict_method(receiver: dict, name: str):
    names = getattr(type(receiver), "go_methods", ())
    if name in names:
        return getattr(receiver, name)
    return None


def _holds_interfaces(value) -> bool:
    """Whether range gives interface {} elements: a plain list or dict, or a typed one of interface {}
    (a `[]*formatter.imageContext` or a `map[string]system.RuntimeWithStatus` holds typed values)."""
    name = getattr(value, "go_type_name", None)
    return not isinstance(name, str) or name.endswith("interface {}")


def _interface_element(receiver, name: str) -> bool:
    """Whether `receiver.name` is an element of a map[string]interface {} (a typed map, one with a
    `go_zero` element value, holds values of its own type)."""
    return isinstance(receiver, dict) and getattr(receiver, "go_zero", None) is None \
        and _dict_method(receiver, name) is None


def _assignable(value, typ: str) -> bool:
    if typ == "string":  # a named string type (nat.Port, json.Number) is not assignable to string
        return isinstance(value, str) and go_type_name(value) == "string"
    if typ == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if typ == "bool":
        return isinstance(value, bool)
    if typ == "float64":
        return isinstance(value, float)
    if typ == STRING_SLICE:
        elem_type = getattr(value, "elem_type", None)
        if elem_type is not None:  # a typed slice: []string or a named one over it (strslice.StrSlice)
            name = go_type_name(value)
            return elem_type.name == "string" and not (name.startswith("[") and not name.startswith("[]"))
        if go_type_name(value) == "[]interface {}" and type(value).__name__ == "InterfaceSlice":
            return False  # a JSON array decoded into interface {}
        return isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)
    return True


def execute(name, text, trees, funcs, data, missingkey="default") -> str:
    """Run the template named `name`; returns its output or raises TemplateExecError."""
    out: list[str] = []
    state = _State(name, text, trees, funcs, missingkey, out)
    if data is None:
        data = MISSING
    state.push("$", data, False)
    root = trees.get(name)
    if root is None:
        state.errorf("%s is an incomplete or empty template" % go_quote(name))
    try:
        state.walk(data, root)
    except RecursionError:
        raise TemplateExecError("template: %s: exceeded maximum template depth (%d)" % (name, MAX_EXEC_DEPTH),
                                "".join(out)) from None
    return "".join(out)

