"""Go's runtime as docker's output depends on it: text/template, fmt, strconv, encoding/json, tabwriter.

Modules (import the one you need; nothing is imported here):

* template   — parse(text) -> Template; Template.execute(data) (Go text/template + docker's funcs)
* fmt        — Go's fmt verbs and value printing (%v, %+v, %T, …)
* strconv    — Quote/Unquote, FormatFloat, ParseInt/ParseUint/Atoi/ParseBool, net.ParseIP
* json       — encoding/json as templates print values (`{{json .}}`)
* jsondecode — encoding/json decoding checks with Go's error text (config.json, context meta)
* structs    — Go values (structs, typed slices and maps, time.Time) for templates docker runs over its own types
* types      — Go types in Go's syntax (TypeSet), struct types (Schema) and JSON decoded into Go values
* tabwriter  — text/tabwriter as docker configures it
* oserror    — os errors as Go words them (`open /x: no such file or directory`)
"""
