"""`events` lines: docker/cli's cli/command/system/events.go over the engine's events.Message.

Without --format each event is one line (prettyPrintEvent):

    2024-01-01T00:00:00.000000000Z container create <id> (image=alpine, name=x)

the time in the local zone with nine fraction digits, then Type, Action and Actor.ID, then the
actor's attributes sorted by key. With --format the template runs on the Message struct
(`{{.Actor.Attributes.name}}`, `{{json .}}`); docker first runs it on an empty
*events.Message, so a bad field fails before anything is asked of the engine.
"""
from __future__ import annotations

import datetime as _dt

from ...golang.fmt import NamedString
from ...golang.structs import GoMap, NilMap
from ...golang.types import Field, Schema

ACTOR = Schema("events.Actor", (Field("ID"), Field("Attributes", "map")))
MESSAGE = Schema("events.Message", (
    Field("Status", json="status", omitempty=True), Field("ID", json="id", omitempty=True),
    Field("From", json="from", omitempty=True), Field("Type"), Field("Action"), Field("Actor", ACTOR),
    Field("Scope", json="scope", omitempty=True), Field("Time", "int64", json="time", omitempty=True),
    Field("TimeNano", "int64", json="timeNano", omitempty=True),
))


def message(raw: dict | None = None, *, pointer: bool = False):
    """The engine's JSON event as docker's events.Message (None: the empty *events.Message docker
    validates templates on). Type and Action keep their Go types (events.Type, events.Action: `upper`
    refuses them as Go does); Attributes is a map[string]string."""
    raw = raw or {}
    actor = raw.get("Actor") if isinstance(raw.get("Actor"), dict) else {}
    attributes = actor.get("Attributes")
    typed = NilMap(go_type_name="map[string]string", go_zero="") if attributes is None else \
        GoMap({k: attributes[k] for k in sorted(attributes)}, "", "map[string]string")
    schema = MESSAGE.pointer() if pointer else MESSAGE
    return schema.build(raw, Type=NamedString(raw.get("Type") or "", "events.Type"),
                        Action=NamedString(raw.get("Action") or "", "events.Action"),
                        Actor=ACTOR.build(actor, Attributes=typed))


def pretty_line(raw: dict) -> str:
    """prettyPrintEvent: one event as docker prints it without --format (with the newline)."""
    actor = raw.get("Actor") or {}
    text = ""
    if raw.get("timeNano"):
        text = rfc3339_nano_fixed(int(raw["timeNano"])) + " "
    elif raw.get("time"):
        text = rfc3339_nano_fixed(int(raw["time"]) * 10**9) + " "
    text += f"{raw.get('Type') or ''} {raw.get('Action') or ''} {actor.get('ID') or ''}"
    attributes = actor.get("Attributes") or {}
    if attributes:
        text += " (%s)" % ", ".join(f"{key}={attributes[key]}" for key in sorted(attributes))
    return text + "\n"


def rfc3339_nano_fixed(unix_nanos: int, tz: _dt.tzinfo | None = None) -> str:
    """time.Unix(0, ns).Format("2006-01-02T15:04:05.000000000Z07:00") in Go's local zone (TZ read as
    Go reads it) or in `tz`."""
    if tz is None:
        from ...golang.time import format_rfc3339_nano_fixed

        return format_rfc3339_nano_fixed(unix_nanos)
    seconds, nanos = divmod(unix_nanos, 10**9)
    moment = _dt.datetime.fromtimestamp(seconds, tz)
    offset = moment.utcoffset() or _dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        zone = "Z"
    else:
        sign = "-" if minutes < 0 else "+"
        zone = "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)
    return "%s.%09d%s" % (moment.strftime("%Y-%m-%dT%H:%M:%S"), nanos, zone)
