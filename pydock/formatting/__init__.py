"""docker's output layer: Go templates, tabwriter tables, go-units, listings.

Modules (import the one you need; nothing heavy is imported here):

* gotemplate  — parse(text) -> Template; Template.execute(data) (Go text/template + docker funcs)
* writer      — render_listing(out, rows, fmt=…, headers=…, default_format=…): ps/images/… output
* tabwriter   — TabWriter / tabwrite(text): docker's column layout
* units       — human_duration, human_size, bytes_size, ram_in_bytes, Go durations
* displayutils — ellipsis, truncate_id
* gofmt, gojson, gostrconv — Go's fmt, encoding/json and strconv as templates print values
* gostruct    — Go structs for templates docker runs over its own types (version, info, inspect)
* contexts/   — one module per kind of object: the values `--format` sees and its plain output
"""
