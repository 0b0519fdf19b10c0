"""docker's formatter: listings, go-units, per-object contexts (Go's runtime is in pydock.golang).

Modules (import the one you need; nothing heavy is imported here):

* writer      — render_listing(out, rows, fmt=…, headers=…, default_format=…): ps/images/… output
* units       — human_duration, human_size, bytes_size, ram_in_bytes, Go durations
* displayutils — ellipsis, truncate_id
* contexts/   — one module per kind of object: the values `--format` sees and its plain output
"""
