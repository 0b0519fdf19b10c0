"""Lexer of Go's text/template (a port of text/template/parse/lex.go, Go 1.24).

Positions are indexes into the Python string (code points); the error reporter converts
them to Go's byte columns.
"""

from __future__ import annotations

__all__ = ["Item", "Lexer", "T"]


class T:
    """Item types, in Go's order (keywords after KEYWORD)."""

    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF = range(9)
    FIELD, IDENTIFIER, LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING = range(9, 16)
    RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE = range(16, 22)
    KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL = range(22, 32)
    RANGE, TEMPLATE, WITH = range(32, 35)


KEYWORDS = {
    ".": T.DOT, "block": T.BLOCK, "break": T.BREAK, "continue": T.CONTINUE,
    "define": T.DEFINE, "else": T.ELSE, "end": T.END, "if": T.IF, "range": T.RANGE,
    "nil": T.NIL, "template": T.TEMPLATE, "with": T.WITH,
}

SPACE_CHARS = " \t\r\n"
LEFT_DELIM, RIGHT_DELIM = "{{", "}}"
LEFT_COMMENT, RIGHT_COMMENT = "/*", "*/"
EOF = ""


class Item:
    __slots__ = ("typ", "pos", "val", "line")

    def __init__(self, typ: int, pos: int, val: str, line: int):
        self.typ, self.pos, self.val, self.line = typ, pos, val, line

    def __repr__(self) -> str:
        return "Item(%d, %d, %r, %d)" % (self.typ, self.pos, self.val, self.line)

    def __str__(self) -> str:
        from ..fmt import go_quote

        if self.typ == T.EOF:
            return "EOF"
        if self.typ == T.ERROR:
            return self.val
        if self.typ > T.KEYWORD:
            return "<%s>" % self.val
        if len(self.val.encode("utf-8", "surrogateescape")) > 10:
            return go_quote(self.val[:10]) + "..."
        return go_quote(self.val)


def is_space(ch: str) -> bool:
    return ch != "" and ch in SPACE_CHARS


def is_alnum(ch: str) -> bool:
    return ch == "_" or ch.isalpha() or ch.isdecimal()


def has_left_trim_marker(s: str, i: int) -> bool:
    return len(s) >= i + 2 and s[i] == "-" and is_space(s[i + 1])


def has_right_trim_marker(s: str, i: int) -> bool:
    return len(s) >= i + 2 and is_space(s[i]) and s[i + 1] == "-"


def format_rune_u(ch: str) -> str:
    """Go's %#U: U+0021 '!'."""
    from ..fmt import is_go_print

    text = "U+%04X" % ord(ch)
    if is_go_print(ch):
        text += " '%s'" % ch
    return text


class Lexer:
    """Pull lexer: next_item() runs the state machine until it yields one item."""

    def __init__(self, text: str, break_ok: bool = True, continue_ok: bool = True):
        self.input = text
        self.pos = 0
        self.start = 0
        self.at_eof = False
        self.paren_depth = 0
        self.line = 1
        self.start_line = 1
        self.item: Item | None = None
        self.inside_action = False
        self.break_ok = break_ok
        self.continue_ok = continue_ok

    # --- low level --------------------------------------------------------------------
    def next(self) -> str:
        if self.pos >= len(self.input):
            self.at_eof = True
            return EOF
        ch = self.input[self.pos]
        self.pos += 1
        if ch == "\n":
            self.line += 1
        return ch

    def peek(self) -> str:
        ch = self.next()
        self.backup()
        return ch

    def backup(self):
        if not self.at_eof and self.pos > 0:
            self.pos -= 1
            if self.input[self.pos] == "\n":
                self.line -= 1

    def this_item(self, typ: int) -> Item:
        item = Item(typ, self.start, self.input[self.start:self.pos], self.start_line)
        self.start = self.pos
        self.start_line = self.line
        return item

    def emit(self, typ: int):
        return self.emit_item(self.this_item(typ))

    def emit_item(self, item: Item):
        self.item = item
        return None

    def ignore(self):
        self.line += self.input.count("\n", self.start, self.pos)
        self.start = self.pos
        self.start_line = self.line

    def accept(self, valid: str) -> bool:
        ch = self.next()
        if ch != EOF and ch in valid:
            return True
        self.backup()
        return False

    def accept_run(self, valid: str):
        while True:
            ch = self.next()
            if ch == EOF or ch not in valid:
                break
        self.backup()

    def errorf(self, message: str):
        self.item = Item(T.ERROR, self.start, message, self.start_line)
        self.start = 0
        self.pos = 0
        self.input = ""
        return None

    def next_item(self) -> Item:
        self.item = Item(T.EOF, self.pos, "EOF", self.start_line)
        state = lex_inside_action if self.inside_action else lex_text
        while state is not None:
            state = state(self)
        return self.item

    def at_right_delim(self) -> tuple[bool, bool]:
        s, p = self.input, self.pos
        if has_right_trim_marker(s, p) and s.startswith(RIGHT_DELIM, p + 2):
            return True, True
        if s.startswith(RIGHT_DELIM, p):
            return True, False
        return False, False

    def at_terminator(self) -> bool:
        ch = self.peek()
        if is_space(ch) or ch == EOF or ch in ".,|:)(":
            return True
        return self.input.startswith(RIGHT_DELIM, self.pos)

    def scan_number(self) -> bool:
        self.accept("+-")
        digits = "0123456789_"
        if self.accept("0"):
            if self.accept("xX"):
                digits = "0123456789abcdefABCDEF_"
            elif self.accept("oO"):
                digits = "01234567_"
            elif self.accept("bB"):
                digits = "01_"
        self.accept_run(digits)
        if self.accept("."):
            self.accept_run(digits)
        if len(digits) == 11 and self.accept("eE"):
            self.accept("+-")
            self.accept_run("0123456789_")
        if len(digits) == 23 and self.accept("pP"):
            self.accept("+-")
            self.accept_run("0123456789_")
        self.accept("i")
        if is_alnum(self.peek()):
            self.next()
            return False
        return True


# --- state functions ----------------------------------------------------------------

def _right_trim_length(s: str) -> int:
    return len(s) - len(s.rstrip(SPACE_CHARS))


def _left_trim_length(s: str) -> int:
    return len(s) - len(s.lstrip(SPACE_CHARS))


def lex_text(lx: Lexer):
    x = lx.input.find(LEFT_DELIM, lx.pos)
    if x >= 0:
        if x > lx.pos:
            lx.pos = x
            trim = 0
            if has_left_trim_marker(lx.input, lx.pos + len(LEFT_DELIM)):
                trim = _right_trim_length(lx.input[lx.start:lx.pos])
            lx.pos -= trim
            lx.line += lx.input.count("\n", lx.start, lx.pos)
            item = lx.this_item(T.TEXT)
            lx.pos += trim
            lx.ignore()
            if item.val:
                return lx.emit_item(item)
        return lex_left_delim
    lx.pos = len(lx.input)
    if lx.pos > lx.start:
        lx.line += lx.input.count("\n", lx.start, lx.pos)
        return lx.emit(T.TEXT)
    return lx.emit(T.EOF)


def lex_left_delim(lx: Lexer):
    lx.pos += len(LEFT_DELIM)
    trim = has_left_trim_marker(lx.input, lx.pos)
    after = 2 if trim else 0
    if lx.input.startswith(LEFT_COMMENT, lx.pos + after):
        lx.pos += after
        lx.ignore()
        return lex_comment
    item = lx.this_item(T.LEFT_DELIM)
    lx.inside_action = True
    lx.pos += after
    lx.ignore()
    lx.paren_depth = 0
    return lx.emit_item(item)


def lex_comment(lx: Lexer):
    lx.pos += len(LEFT_COMMENT)
    x = lx.input.find(RIGHT_COMMENT, lx.pos)
    if x < 0:
        return lx.errorf("unclosed comment")
    lx.pos = x + len(RIGHT_COMMENT)
    delim, trim = lx.at_right_delim()
    if not delim:
        return lx.errorf("comment ends before closing delimiter")
    lx.line += lx.input.count("\n", lx.start, lx.pos)
    lx.this_item(T.COMMENT)
    if trim:
        lx.pos += 2
    lx.pos += len(RIGHT_DELIM)
    if trim:
        lx.pos += _left_trim_length(lx.input[lx.pos:])
    lx.ignore()
    return lex_text


def lex_right_delim(lx: Lexer):
    _, trim = lx.at_right_delim()
    if trim:
        lx.pos += 2
        lx.ignore()
    lx.pos += len(RIGHT_DELIM)
    item = lx.this_item(T.RIGHT_DELIM)
    if trim:
        lx.pos += _left_trim_length(lx.input[lx.pos:])
        lx.ignore()
    lx.inside_action = False
    return lx.emit_item(item)


_SIMPLE_ACTION_ITEMS = {"=": T.ASSIGN, "|": T.PIPE}


def lex_inside_action(lx: Lexer):
    delim, _ = lx.at_right_delim()
    if delim:
        if lx.paren_depth == 0:
            return lex_right_delim
        return lx.errorf("unclosed left paren")
    ch = lx.next()
    if ch == EOF:
        return lx.errorf("unclosed action")
    if is_space(ch):
        lx.backup()
        return lex_space
    if ch in _SIMPLE_ACTION_ITEMS:
        return lx.emit(_SIMPLE_ACTION_ITEMS[ch])
    if ch == ":":
        if lx.next() != "=":
            return lx.errorf("expected :=")
        return lx.emit(T.DECLARE)
    special = _ACTION_STARTS.get(ch)
    if special is not None:
        return special
    if ch == ".":
        if lx.pos < len(lx.input) and not "0" <= lx.input[lx.pos] <= "9":
            return lex_field
        lx.backup()
        return lex_number
    if ch in "+-" or "0" <= ch <= "9":
        lx.backup()
        return lex_number
    if is_alnum(ch):
        lx.backup()
        return lex_identifier
    if ch == "(":
        lx.paren_depth += 1
        return lx.emit(T.LEFT_PAREN)
    if ch == ")":
        lx.paren_depth -= 1
        if lx.paren_depth < 0:
            return lx.errorf("unexpected right paren")
        return lx.emit(T.RIGHT_PAREN)
    if ord(ch) < 0x80 and ch.isprintable():
        return lx.emit(T.CHAR)
    return lx.errorf("unrecognized character in action: " + format_rune_u(ch))


def lex_space(lx: Lexer):
    num_spaces = 0
    while is_space(lx.peek()):
        lx.next()
        num_spaces += 1
    if has_right_trim_marker(lx.input, lx.pos - 1) and lx.input.startswith(RIGHT_DELIM, lx.pos + 1):
        lx.backup()
        if num_spaces == 1:
            return lex_right_delim
    return lx.emit(T.SPACE)


def lex_identifier(lx: Lexer):
    while True:
        ch = lx.next()
        if is_alnum(ch):
            continue
        lx.backup()
        word = lx.input[lx.start:lx.pos]
        if not lx.at_terminator():
            return lx.errorf("bad character " + format_rune_u(ch))
        keyword = KEYWORDS.get(word, 0)
        if keyword > T.KEYWORD:
            if (keyword == T.BREAK and not lx.break_ok) or (keyword == T.CONTINUE and not lx.continue_ok):
                return lx.emit(T.IDENTIFIER)
            return lx.emit(keyword)
        if word[0] == ".":
            return lx.emit(T.FIELD)
        if word in ("true", "false"):
            return lx.emit(T.BOOL)
        return lx.emit(T.IDENTIFIER)


def lex_field(lx: Lexer):
    return _lex_field_or_variable(lx, T.FIELD)


def lex_variable(lx: Lexer):
    if lx.at_terminator():
        return lx.emit(T.VARIABLE)
    return _lex_field_or_variable(lx, T.VARIABLE)


def _lex_field_or_variable(lx: Lexer, typ: int):
    if lx.at_terminator():
        return lx.emit(T.VARIABLE if typ == T.VARIABLE else T.DOT)
    while True:
        ch = lx.next()
        if not is_alnum(ch):
            lx.backup()
            break
    if not lx.at_terminator():
        return lx.errorf("bad character " + format_rune_u(ch) if ch else "bad character U+FFFFFFFF")
    return lx.emit(typ)


def _lex_quoted(lx: Lexer, quote: str, typ: int, message: str):
    while True:
        ch = lx.next()
        if ch == "\\":
            ch = lx.next()
            if ch != EOF and ch != "\n":
                continue
            return lx.errorf(message)
        if ch == EOF or ch == "\n":
            return lx.errorf(message)
        if ch == quote:
            return lx.emit(typ)


def lex_char(lx: Lexer):
    return _lex_quoted(lx, "'", T.CHAR_CONSTANT, "unterminated character constant")


def lex_quote(lx: Lexer):
    return _lex_quoted(lx, '"', T.STRING, "unterminated quoted string")


def lex_raw_quote(lx: Lexer):
    end = lx.input.find("`", lx.pos)
    if end < 0:
        return lx.errorf("unterminated raw quoted string")
    lx.line += lx.input.count("\n", lx.pos, end + 1)
    lx.pos = end + 1
    return lx.emit(T.RAW_STRING)


def lex_number(lx: Lexer):
    from ..fmt import go_quote

    if not lx.scan_number():
        return lx.errorf("bad number syntax: " + go_quote(lx.input[lx.start:lx.pos]))
    sign = lx.peek()
    if sign in ("+", "-"):
        if not lx.scan_number() or lx.input[lx.pos - 1] != "i":
            return lx.errorf("bad number syntax: " + go_quote(lx.input[lx.start:lx.pos]))
        return lx.emit(T.COMPLEX)
    return lx.emit(T.NUMBER)


_ACTION_STARTS = {'"': lex_quote, "`": lex_raw_quote, "$": lex_variable, "'": lex_char}
