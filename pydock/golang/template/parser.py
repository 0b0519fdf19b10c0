"""Parser and parse tree of Go's text/template (a port of text/template/parse, Go 1.24)."""

from __future__ import annotations

from ..strconv import UnquoteError, go_quote, go_unquote, go_unquote_char
from .lexer import Item, Lexer, T
from .nodes import (
    ActionNode,
    BoolNode,
    BreakNode,
    ChainNode,
    CommandNode,
    CommentNode,
    ContinueNode,
    DotNode,
    ElseNode,
    EndNode,
    FieldNode,
    IdentifierNode,
    IfNode,
    ListNode,
    NilNode,
    Node,
    NumberNode,
    PipeNode,
    RangeNode,
    StringNode,
    TemplateNode,
    TextNode,
    VariableNode,
    WithNode,
)

__all__ = ["parse_tree", "TemplateParseError", "Node"]

MAX_STACK_DEPTH = 10000


class TemplateParseError(ValueError):
    """A template that does not parse; str() is Go's message (``template: :1: …``)."""


# --- numbers ----------------------------------------------------------------------------

def _underscore_ok(s: str) -> bool:
    saw, i = "^", 0
    if s[:1] in ("-", "+"):
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1].lower() in "box":
        i, saw, hexa = 2, "0", s[1].lower() == "x"
    while i < len(s):
        c = s[i]
        if "0" <= c <= "9" or (hexa and "a" <= c.lower() <= "f"):
            saw = "0"
        elif c == "_":
            if saw != "0":
                return False
            saw = "_"
        else:
            if saw == "_":
                return False
            saw = "!"
        i += 1
    return saw != "_"


def _parse_uint(s: str) -> int | None:
    """strconv.ParseUint(s, 0, 64); None on error."""
    if not s or "_" in s and not _underscore_ok(s):
        return None
    base, body = 10, s
    if s[0] == "0" and len(s) > 1:
        prefix = s[1].lower()
        base, body = {"x": (16, s[2:]), "o": (8, s[2:]), "b": (2, s[2:])}.get(prefix, (8, s[1:]))
    body = body.replace("_", "")
    if not body or not all(c in "0123456789abcdefABCDEF"[:base if base <= 10 else base + 6] for c in body):
        return None
    value = int(body, base)
    return value if value < 1 << 64 else None


def _parse_int(s: str) -> int | None:
    neg = s[:1] == "-"
    body = s[1:] if s[:1] in "+-" else s
    value = _parse_uint(body)
    if value is None:
        return None
    value = -value if neg else value
    return value if -(1 << 63) <= value < 1 << 63 else None


def _parse_float(s: str) -> float | None:
    if "_" in s and not _underscore_ok(s):
        return None
    body = s.replace("_", "")
    try:
        if body.lstrip("+-")[:2].lower() == "0x":
            value = float.fromhex(body) if "p" in body.lower() else None
            return None if value in (float("inf"), float("-inf")) else value
        if body.lstrip("+-").lower().startswith(("inf", "nan")):
            return None
        value = float(body)
    except (ValueError, OverflowError):
        return None
    return None if value in (float("inf"), float("-inf")) else value


def _set_from_float(n: NumberNode, f: float):
    n.is_float, n.float64 = True, f
    if f == int(f) and -(1 << 63) <= f < 1 << 63:
        n.is_int, n.int64 = True, int(f)
    if f == int(f) and 0 <= f < 1 << 64:
        n.is_uint, n.uint64 = True, int(f)


def new_number(pos: int, text: str, typ: int) -> NumberNode:
    """parse.NumberNode construction; raises ValueError with Go's message."""
    n = NumberNode(pos, text)
    if typ == T.CHAR_CONSTANT:
        ch, i = go_unquote_char(text, 1, text[0])
        if text[i:] != "'":
            raise ValueError("malformed character constant: " + text)
        code = ord(ch) if not 0xDC80 <= ord(ch) <= 0xDCFF else ord(ch) - 0xDC00
        n.is_int = n.is_uint = n.is_float = True
        n.int64 = n.uint64 = code
        n.float64 = float(code)
        return n
    if typ == T.COMPLEX:
        return _complex_number(n, text)
    if text.endswith("i"):
        f = _parse_float(text[:-1])
        if f is not None:
            n.is_complex, n.complex128 = True, complex(0, f)
            _simplify_complex(n)
            return n
    u = _parse_uint(text)
    if u is not None:
        n.is_uint, n.uint64 = True, u
    i = _parse_int(text)
    if i is not None:
        n.is_int, n.int64 = True, i
        if i == 0:
            n.is_uint, n.uint64 = True, 0
    if n.is_int:
        n.is_float, n.float64 = True, float(n.int64)
    elif n.is_uint:
        n.is_float, n.float64 = True, float(n.uint64)
    else:
        f = _parse_float(text)
        if f is not None:
            if not any(c in text for c in ".eEpP"):
                raise ValueError("integer overflow: " + go_quote(text))
            _set_from_float(n, f)
    if not (n.is_int or n.is_uint or n.is_float):
        raise ValueError("illegal number syntax: " + go_quote(text))
    return n


def _complex_number(n: NumberNode, text: str) -> NumberNode:
    split = max(text.rfind("+"), text.rfind("-"))
    real, imag = _parse_float(text[:split]), _parse_float(text[split:-1])
    if split <= 0 or real is None or imag is None:
        raise ValueError("expected integer")
    n.is_complex, n.complex128 = True, complex(real, imag)
    _simplify_complex(n)
    return n


def _simplify_complex(n: NumberNode):
    if n.complex128.imag == 0:
        _set_from_float(n, n.complex128.real)


# --- the parser ---------------------------------------------------------------------------

class _Tree:
    def __init__(self, name: str, funcs, text: str, tree_set: dict):
        self.name, self.funcs, self.text, self.tree_set = name, funcs, text, tree_set
        self.root: ListNode | None = None
        self.token: list[Item | None] = [None, None, None]
        self.peek_count = 0
        self.vars = ["$"]
        self.action_line = 0
        self.range_depth = 0
        self.stack_depth = 0
        self.lex: Lexer | None = None

    # token plumbing
    def next(self) -> Item:
        if self.peek_count > 0:
            self.peek_count -= 1
        else:
            self.token[0] = self.lex.next_item()
        return self.token[self.peek_count]

    def backup(self):
        self.peek_count += 1

    def backup2(self, t1):
        self.token[1] = t1
        self.peek_count = 2

    def backup3(self, t2, t1):
        self.token[1], self.token[2] = t1, t2
        self.peek_count = 3

    def peek(self) -> Item:
        if self.peek_count > 0:
            return self.token[self.peek_count - 1]
        self.peek_count = 1
        self.token[0] = self.lex.next_item()
        return self.token[0]

    def next_non_space(self) -> Item:
        while True:
            token = self.next()
            if token.typ != T.SPACE:
                return token

    def peek_non_space(self) -> Item:
        token = self.next_non_space()
        self.backup()
        return token

    # errors
    def errorf(self, message: str):
        line = self.token[0].line if self.token[0] is not None else 1
        raise TemplateParseError("template: %s:%d: %s" % (self.name, line, message))

    def expect(self, typ: int, context: str) -> Item:
        token = self.next_non_space()
        if token.typ != typ:
            self.unexpected(token, context)
        return token

    def unexpected(self, token: Item, context: str):
        if token.typ == T.ERROR:
            extra = ""
            if self.action_line != 0 and self.action_line != token.line:
                extra = " in action started at %s:%d" % (self.name, self.action_line)
                if token.val.endswith(" action"):
                    extra = extra[len(" in action"):]
            self.errorf(str(token) + extra)
        self.errorf("unexpected %s in %s" % (token, context))

    # grammar
    def parse(self, lexer: Lexer):
        self.lex = lexer
        self.root = ListNode(self.peek().pos)
        while self.peek().typ != T.EOF:
            if self.peek().typ == T.LEFT_DELIM:
                delim = self.next()
                if self.next_non_space().typ == T.DEFINE:
                    sub = _Tree("", self.funcs, self.text, self.tree_set)
                    sub.name, sub.lex = self.name, self.lex
                    sub.parse_definition()
                    continue
                self.backup2(delim)
            node = self.text_or_action()
            if node.kind in ("end", "else"):
                self.errorf("unexpected %s" % node)
            self.root.nodes.append(node)

    def parse_definition(self):
        context = "define clause"
        token = self.next_non_space()
        if token.typ not in (T.STRING, T.RAW_STRING):
            self.unexpected(token, context)
        def_name = self.unquote(token.val)
        self.expect(T.RIGHT_DELIM, context)
        root, end = self.item_list()
        if end.kind != "end":
            self.errorf("unexpected %s in %s" % (end, context))
        self.add_tree(def_name, root)

    def add_tree(self, name: str, root: ListNode):
        existing = self.tree_set.get(name)
        if existing is None or _is_empty_tree(existing):
            self.tree_set[name] = root
        elif not _is_empty_tree(root):
            self.errorf("template: multiple definition of template %s" % go_quote(name))

    def unquote(self, text: str) -> str:
        try:
            return go_unquote(text)
        except UnquoteError as err:
            self.errorf(str(err))

    def item_list(self):
        lst = ListNode(self.peek_non_space().pos)
        while self.peek_non_space().typ != T.EOF:
            node = self.text_or_action()
            if node.kind in ("end", "else"):
                return lst, node
            lst.nodes.append(node)
        self.errorf("unexpected EOF")

    def text_or_action(self) -> Node:
        token = self.next_non_space()
        if token.typ == T.TEXT:
            return TextNode(token.pos, token.val)
        if token.typ == T.LEFT_DELIM:
            self.action_line = token.line
            try:
                return self.action()
            finally:
                self.action_line = 0
        if token.typ == T.COMMENT:
            return CommentNode(token.pos, token.val)
        self.unexpected(token, "input")

    def action(self) -> Node:
        token = self.next_non_space()
        handler = _CONTROLS.get(token.typ)
        if handler is not None:
            return handler(self, token)
        self.backup()
        token = self.peek()
        return ActionNode(token.pos, token.line, self.pipeline("command", T.RIGHT_DELIM))

    def break_control(self, token: Item) -> Node:
        return self._loop_control(token, "break", BreakNode)

    def continue_control(self, token: Item) -> Node:
        return self._loop_control(token, "continue", ContinueNode)

    def _loop_control(self, token: Item, word: str, cls):
        nxt = self.next_non_space()
        if nxt.typ != T.RIGHT_DELIM:
            self.unexpected(nxt, "{{%s}}" % word)
        if self.range_depth == 0:
            self.errorf("{{%s}} outside {{range}}" % word)
        return cls(token.pos, token.line)

    def pipeline(self, context: str, end: int) -> PipeNode:
        token = self.peek_non_space()
        pipe = PipeNode(token.pos, token.line)
        self._declarations(pipe, context)
        while True:
            token = self.next_non_space()
            if token.typ == end:
                self.check_pipeline(pipe, context)
                return pipe
            if token.typ in _OPERAND_STARTS:
                self.backup()
                pipe.cmds.append(self.command())
            else:
                self.unexpected(token, context)

    def _declarations(self, pipe: PipeNode, context: str):
        while True:
            v = self.peek_non_space()
            if v.typ != T.VARIABLE:
                return
            self.next()
            token_after = self.peek()
            nxt = self.peek_non_space()
            if nxt.typ in (T.ASSIGN, T.DECLARE):
                pipe.is_assign = nxt.typ == T.ASSIGN
                self.next_non_space()
                pipe.decl.append(VariableNode(v.pos, v.val))
                self.vars.append(v.val)
                return
            if nxt.typ == T.CHAR and nxt.val == ",":
                self.next_non_space()
                pipe.decl.append(VariableNode(v.pos, v.val))
                self.vars.append(v.val)
                if context == "range" and len(pipe.decl) < 2:
                    if self.peek_non_space().typ in (T.VARIABLE, T.RIGHT_DELIM, T.RIGHT_PAREN):
                        continue
                    self.errorf("range can only initialize variables")
                self.errorf("too many declarations in %s" % context)
            if token_after.typ == T.SPACE:
                self.backup3(v, token_after)
            else:
                self.backup2(v)
            return

    def check_pipeline(self, pipe: PipeNode, context: str):
        if not pipe.cmds:
            self.errorf("missing value for %s" % context)
        for i, cmd in enumerate(pipe.cmds[1:]):
            if cmd.args[0].kind in ("bool", "dot", "nil", "number", "string"):
                self.errorf("non executable command in pipeline stage %d" % (i + 2))

    def parse_control(self, context: str):
        mark = len(self.vars)
        try:
            pipe = self.pipeline(context, T.RIGHT_DELIM)
            if context == "range":
                self.range_depth += 1
            lst, nxt = self.item_list()
            if context == "range":
                self.range_depth -= 1
            else_list = None
            if nxt.kind == "else":
                else_list = self._else_branch(context, nxt)
            return pipe.pos, pipe.line, pipe, lst, else_list
        finally:
            del self.vars[mark:]

    def _else_branch(self, context: str, else_node: Node) -> ListNode:
        if context in ("if", "with"):
            keyword = T.IF if context == "if" else T.WITH
            if self.peek().typ == keyword:
                self.next()
                else_list = ListNode(else_node.pos)
                else_list.nodes.append(self.if_control(None) if context == "if" else self.with_control(None))
                return else_list
        else_list, nxt = self.item_list()
        if nxt.kind != "end":
            self.errorf("expected end; found %s" % nxt)
        return else_list

    def if_control(self, _token) -> Node:
        return IfNode(*self.parse_control("if"))

    def range_control(self, _token) -> Node:
        return RangeNode(*self.parse_control("range"))

    def with_control(self, _token) -> Node:
        return WithNode(*self.parse_control("with"))

    def end_control(self, _token) -> Node:
        return EndNode(self.expect(T.RIGHT_DELIM, "end").pos)

    def else_control(self, _token) -> Node:
        peek = self.peek_non_space()
        if peek.typ in (T.IF, T.WITH):
            return ElseNode(peek.pos, peek.line)
        token = self.expect(T.RIGHT_DELIM, "else")
        return ElseNode(token.pos, token.line)

    def block_control(self, _token) -> Node:
        context = "block clause"
        token = self.next_non_space()
        name = self.template_name(token, context)
        pipe = self.pipeline(context, T.RIGHT_DELIM)
        block = _Tree(name, self.funcs, self.text, self.tree_set)
        block.name, block.lex = self.name, self.lex
        root, end = block.item_list()
        if end.kind != "end":
            self.errorf("unexpected %s in %s" % (end, context))
        block.add_tree(name, root)
        return TemplateNode(token.pos, token.line, name, pipe)

    def template_control(self, _token) -> Node:
        context = "template clause"
        token = self.next_non_space()
        name = self.template_name(token, context)
        pipe = None
        if self.next_non_space().typ != T.RIGHT_DELIM:
            self.backup()
            pipe = self.pipeline(context, T.RIGHT_DELIM)
        return TemplateNode(token.pos, token.line, name, pipe)

    def template_name(self, token: Item, context: str) -> str:
        if token.typ in (T.STRING, T.RAW_STRING):
            return self.unquote(token.val)
        self.unexpected(token, context)

    def command(self) -> CommandNode:
        cmd = CommandNode(self.peek_non_space().pos)
        while True:
            self.peek_non_space()
            operand = self.operand()
            if operand is not None:
                cmd.args.append(operand)
            token = self.next()
            if token.typ == T.SPACE:
                continue
            if token.typ in (T.RIGHT_DELIM, T.RIGHT_PAREN):
                self.backup()
            elif token.typ != T.PIPE:
                self.unexpected(token, "operand")
            break
        if not cmd.args:
            self.errorf("empty command")
        return cmd

    def operand(self) -> Node | None:
        node = self.term()
        if node is None:
            return None
        if self.peek().typ == T.FIELD:
            chain = ChainNode(self.peek().pos, node)
            while self.peek().typ == T.FIELD:
                chain.field.append(self.next().val[1:])
            if node.kind == "field":
                node = FieldNode(chain.pos, str(chain))
            elif node.kind == "variable":
                node = VariableNode(chain.pos, str(chain))
            elif node.kind in ("bool", "string", "number", "nil", "dot"):
                self.errorf("unexpected . after term %s" % go_quote(str(node)))
            else:
                node = chain
        return node

    def term(self) -> Node | None:
        token = self.next_non_space()
        typ = token.typ
        if typ == T.IDENTIFIER:
            if token.val not in self.funcs:
                self.errorf("function %s not defined" % go_quote(token.val))
            return IdentifierNode(token.pos, token.val)
        if typ == T.DOT:
            return DotNode(token.pos)
        if typ == T.NIL:
            return NilNode(token.pos)
        if typ == T.VARIABLE:
            return self.use_var(token.pos, token.val)
        if typ == T.FIELD:
            return FieldNode(token.pos, token.val)
        if typ == T.BOOL:
            return BoolNode(token.pos, token.val == "true")
        if typ in (T.CHAR_CONSTANT, T.COMPLEX, T.NUMBER):
            try:
                return new_number(token.pos, token.val, typ)
            except UnquoteError as err:
                self.errorf(str(err))
            except ValueError as err:
                self.errorf(str(err))
        if typ == T.LEFT_PAREN:
            return self._parenthesized()
        if typ in (T.STRING, T.RAW_STRING):
            return StringNode(token.pos, token.val, self.unquote(token.val))
        self.backup()
        return None

    def _parenthesized(self) -> Node:
        if self.stack_depth >= MAX_STACK_DEPTH:
            self.errorf("max expression depth exceeded")
        self.stack_depth += 1
        try:
            return self.pipeline("parenthesized pipeline", T.RIGHT_PAREN)
        finally:
            self.stack_depth -= 1

    def use_var(self, pos: int, name: str) -> Node:
        v = VariableNode(pos, name)
        if v.ident[0] in self.vars:
            return v
        self.errorf("undefined variable %s" % go_quote(v.ident[0]))


_CONTROLS = {
    T.BLOCK: _Tree.block_control, T.BREAK: _Tree.break_control, T.CONTINUE: _Tree.continue_control,
    T.ELSE: _Tree.else_control, T.END: _Tree.end_control, T.IF: _Tree.if_control,
    T.RANGE: _Tree.range_control, T.TEMPLATE: _Tree.template_control, T.WITH: _Tree.with_control,
}

_OPERAND_STARTS = frozenset({
    T.BOOL, T.CHAR_CONSTANT, T.COMPLEX, T.DOT, T.FIELD, T.IDENTIFIER, T.NUMBER, T.NIL,
    T.RAW_STRING, T.STRING, T.VARIABLE, T.LEFT_PAREN,
})


def _is_empty_tree(node: Node) -> bool:
    if node is None or node.kind == "comment":
        return True
    if node.kind == "list":
        return all(_is_empty_tree(n) for n in node.nodes)
    if node.kind == "text":
        return node.text.strip(" \t\n\v\f\r\x85\xa0") == ""
    return False


def parse_tree(text: str, funcs, name: str = "") -> dict:
    """Parse a template; returns {template name: root ListNode} (the main one under `name`)."""
    tree_set: dict = {}
    tree = _Tree(name, funcs, text, tree_set)
    lexer = Lexer(text, break_ok="break" not in funcs, continue_ok="continue" not in funcs)
    try:
        tree.parse(lexer)
    except RecursionError:
        raise TemplateParseError("template: %s:%d: max expression depth exceeded" % (name, lexer.line)) from None
    tree.add_tree(name, tree.root)
    return tree_set
